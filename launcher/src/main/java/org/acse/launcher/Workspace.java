package org.acse.launcher;

import java.nio.file.Path;

/** Where things are: the repository root ({@code -Dacse.home}, set by ./acse) and its {@code .acse/} runtime dir. */
public record Workspace(Path root) {

    public static Workspace fromSystem() {
        return new Workspace(
                Path.of(System.getProperty("acse.home", ".")).toAbsolutePath().normalize());
    }

    public Path runtime() {
        return root.resolve(".acse");
    }

    public Path logs() {
        return runtime().resolve("logs");
    }

    public Path stateFile() {
        return runtime().resolve("state");
    }

    public Path kafkaData() {
        return runtime().resolve("kafka");
    }

    public Path realmFile() {
        return root.resolve("keycloak").resolve("acse-realm.json");
    }

    public Path brokerClasspath() {
        return root.resolve("launcher").resolve("target").resolve("broker.classpath");
    }
}
