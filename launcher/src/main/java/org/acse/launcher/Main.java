package org.acse.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** {@code ./acse}: the local launcher (product §10). */
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Console console = new Console(out);
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(Arguments.USAGE);
            return 2;
        }
        Workspace workspace = Workspace.fromSystem();
        logToFile(workspace.logs().resolve("launcher.log"));
        Launcher launcher = new Launcher(workspace, console);
        try {
            return switch (arguments.command()) {
                case UP -> launcher.up(arguments.scope(), arguments.partitions());
                case DOWN -> launcher.down();
                case STATUS -> launcher.status();
                case TOKEN -> {
                    // Only the token on stdout, so that $(./acse token coordinator) works.
                    out.println(new SuiteApi(SuiteApi.KEYCLOAK).token(arguments.user()));
                    yield 0;
                }
                case ONBOARD -> Onboarding.from(System.getenv(), console).run(arguments.onboarding());
                case DEMO -> new DemoReferral(new SuiteApi(SuiteApi.KEYCLOAK), console).run(Optional.empty()) ? 0 : 1;
                case HELP -> {
                    out.println(Arguments.USAGE);
                    yield 0;
                }
            };
        } catch (RuntimeException e) {
            err.println(e.getMessage() != null ? e.getMessage() : e.toString());
            if (arguments.command() != Arguments.Command.UP) {
                err.println("Is the suite running? ./acse status");
            }
            return 1;
        }
    }

    /** Libraries (Kafka's admin client, Keycloak helper) log to .acse/logs/launcher.log, never to the terminal. */
    private static void logToFile(Path file) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.WARNING);
        Logger.getLogger("org.acse").setLevel(Level.INFO);
        try {
            Files.createDirectories(file.getParent());
            FileHandler handler = new FileHandler(file.toString(), true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
        } catch (IOException e) {
            // no log file: stay quiet rather than write to the terminal
        }
    }

    private Main() {}
}
