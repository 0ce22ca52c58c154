package org.acse.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.logging.Logger;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip on Maven Central), fetched
 * into the local Maven repository once and unpacked once into a cache directory that tests and the launcher share
 * ({@code $ACSE_CACHE_DIR}, default {@code ~/.cache/acse}).
 */
public final class KeycloakDistribution {
    private static final Logger LOG = Logger.getLogger(KeycloakDistribution.class);
    private static final String GROUP_PATH = "org/keycloak/keycloak-quarkus-dist";

    /** The version the build pinned (root pom property {@code keycloak.version}). */
    public static String version() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/acse-keycloak.properties")) {
            if (in == null) {
                throw new IllegalStateException("acse-keycloak.properties missing from the suite module");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path cacheDir() {
        String configured = System.getenv("ACSE_CACHE_DIR");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "acse");
    }

    /** The unpacked distribution's home, fetching and unpacking it first if needed. */
    public static synchronized Path home() {
        String version = version();
        Path home = cacheDir().resolve("keycloak-" + version);
        if (Files.exists(home.resolve(".acse-unpacked"))) {
            return home;
        }
        Path zip = localRepository()
                .resolve(GROUP_PATH)
                .resolve(version)
                .resolve("keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.exists(zip)) {
            fetch(version);
        }
        unpack(zip, home);
        return home;
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void fetch(String version) {
        String artifact = "org.keycloak:keycloak-quarkus-dist:" + version + ":zip";
        Path mvnw = findWrapper();
        LOG.infof("Fetching %s into the local Maven repository (about 170 MB, once)", artifact);
        List<String> command = new ArrayList<>(
                List.of(mvnw.toString(), "-q", "dependency:get", "-Dartifact=" + artifact, "-Dtransitive=false"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        try {
            Path log = Files.createTempFile("acse-keycloak-fetch", ".log");
            Process p = new ProcessBuilder(command)
                    .directory(mvnw.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("could not fetch " + artifact + " (see " + log + "); run: " + mvnw
                        + " dependency:get -Dartifact=" + artifact);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching Keycloak", e);
        }
    }

    /** The project's Maven wrapper, from the working directory upwards (a module directory under Surefire). */
    private static Path findWrapper() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("mvnw"))) {
                return dir.resolve("mvnw");
            }
        }
        throw new IllegalStateException("Keycloak is not in the local Maven repository and no ./mvnw was found to"
                + " fetch it: run ./mvnw dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:" + version()
                + ":zip");
    }

    /** Unpacks next to the target and renames, so that a half-unpacked tree is never taken for a complete one. */
    private static void unpack(Path zip, Path home) {
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                var entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    // The zip holds one top directory (keycloak-<version>/): strip it.
                    String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                    if (name.isEmpty()) {
                        continue;
                    }
                    Path target = staging.resolve(name).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IllegalStateException("unexpected entry in the Keycloak zip: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = file.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            try (Stream<Path> scripts = Files.list(staging.resolve("bin"))) {
                scripts.filter(p -> p.toString().endsWith(".sh"))
                        .forEach(p -> p.toFile().setExecutable(true));
            }
            Files.createFile(staging.resolve(".acse-unpacked"));
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
                // another process unpacked it meanwhile: use theirs
                if (!Files.exists(home.resolve(".acse-unpacked"))) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + home, e);
        } finally {
            delete(staging);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging directory is harmless
        }
    }

    private KeycloakDistribution() {}
}
