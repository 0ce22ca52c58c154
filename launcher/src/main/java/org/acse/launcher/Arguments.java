package org.acse.launcher;

import java.util.List;

/** What the user asked {@code ./acse} to do. */
public record Arguments(Command command, boolean empty, String user) {

    public enum Command {
        UP,
        DOWN,
        STATUS,
        TOKEN,
        DEMO,
        HELP
    }

    public static final String USAGE = """
            Usage: ./acse <command>
              up [--empty]   start PostgreSQL, Kafka, Keycloak and the three services, load the demo network of
                             shelters with the Destiny scheme and show two referrals going through (--empty: no
                             shelters, no demo referral);
                             runs in the foreground, Ctrl-C stops everything
              down           stop everything a running './acse up' started
              status         what is up
              token <user>   print a bearer token for a demo user (password 'demo'), e.g.
                             curl -H "Authorization: Bearer $(./acse token coordinator)" ...
              demo           submit the demo referrals again (partner.paris asking for the Destiny scheme,
                             partner.nice in danger in Nice) and show what happened""";

    /** Parses the command line; throws {@link IllegalArgumentException} with a message for the user. */
    public static Arguments parse(String... args) {
        if (args.length == 0) {
            return new Arguments(Command.HELP, false, null);
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "up" -> {
                for (String option : rest) {
                    if (!option.equals("--empty")) {
                        throw new IllegalArgumentException("unknown option for up: " + option);
                    }
                }
                yield new Arguments(Command.UP, !rest.isEmpty(), null);
            }
            case "down" -> noArguments(Command.DOWN, rest);
            case "status" -> noArguments(Command.STATUS, rest);
            case "demo" -> noArguments(Command.DEMO, rest);
            case "token" -> {
                if (rest.size() != 1 || rest.get(0).isBlank() || rest.get(0).startsWith("-")) {
                    throw new IllegalArgumentException(
                            "token needs exactly one user name, e.g. ./acse token coordinator");
                }
                yield new Arguments(Command.TOKEN, false, rest.get(0));
            }
            case "help", "-h", "--help" -> new Arguments(Command.HELP, false, null);
            default -> throw new IllegalArgumentException("unknown command: " + args[0]);
        };
    }

    private static Arguments noArguments(Command command, List<String> rest) {
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException(command.name().toLowerCase() + " takes no arguments");
        }
        return new Arguments(command, false, null);
    }
}
