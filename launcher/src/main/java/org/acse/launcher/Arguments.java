package org.acse.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.acse.common.events.Topics;
import org.acse.suite.Broker;

/**
 * What the user asked {@code ./acse} to do; {@code partitions}: for {@code up}, the partitions of the suite's topics
 * the user set (topic name → count), empty for the suite's defaults.
 */
public record Arguments(
        Command command, Scope scope, String user, Onboarding.Request onboarding, Map<String, Integer> partitions) {

    public Arguments {
        partitions = partitions == null ? Map.of() : Map.copyOf(partitions);
    }

    public Arguments(Command command, Scope scope, String user, Onboarding.Request onboarding) {
        this(command, scope, user, onboarding, Map.of());
    }

    public enum Command {
        UP,
        DOWN,
        STATUS,
        TOKEN,
        DEMO,
        ONBOARD,
        HELP
    }

    /** What {@code ./acse up} starts. */
    public enum Scope {
        /** The suite with the demo network and its two referrals. */
        DEMO,
        /** The suite without shelters. */
        EMPTY,
        /** PostgreSQL, Kafka and Keycloak only, for services run with {@code ./mvnw quarkus:dev}. */
        INFRA
    }

    public static final String USAGE = """
            Usage: ./acse <command>
              up [--empty | --infra] [--partitions=<n> | --partitions=<topic>=<n>,...]
                             start PostgreSQL, Kafka, Keycloak, the three services and the web application, load
                             the demo network of shelters with the Destiny scheme and show two referrals going
                             through (--empty: no shelters, no demo referral; --infra: PostgreSQL, Kafka and
                             Keycloak only, for a service run with ./mvnw quarkus:dev);
                             --partitions: <n> partitions (1 to %d) for acse.referrals, acse.placements and
                             acse.alerts, or per topic, e.g. --partitions=acse.referrals=12,acse.placements=12
                             (a dead-letter topic, <topic>.dlq, only by name); default %d each;
                             runs in the foreground, Ctrl-C stops everything
              down           stop everything a running './acse up' started
              status         what is up
              token <user>   print a bearer token for a demo user (password 'demo'), e.g.
                             curl -H "Authorization: Bearer $(./acse token coordinator)" ...
              demo           submit the demo referrals again (partner.paris asking for the Destiny scheme,
                             partner.nice in danger in Nice) and show what happened
              onboard staff <username> <shelter-id>
              onboard partner <username> <org-id>
              onboard coordinator <username>
              onboard partner-client <org-id>
                             add a person (or a partner organisation's own system) to the realm: a shelter team
                             member bound to one shelter, a partner's social worker bound to the organisation, a
                             coordinator, or a confidential client (client credentials) for the organisation;
                             on the local suite by default (password 'demo'), on a deployed Keycloak with
                             ACSE_KEYCLOAK_URL, ACSE_KEYCLOAK_ADMIN and ACSE_KEYCLOAK_ADMIN_PASSWORD (a one-time
                             password to change at first sign-in, with a second factor for staff and coordinators)""".formatted(Arguments.MAX_PARTITIONS, Broker.DEFAULT_PARTITIONS);

    /** Enough for a local broker to show how the consumers share a topic (production has 12: k8s/). */
    static final int MAX_PARTITIONS = 64;

    private static final String PARTITIONS = "--partitions=";

    /** Keycloak's usernames: lower case, digits and {@code . _ -}. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    /** Organisation ids as the realm's {@code org_id}: lower case, digits and dashes. */
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    /** Parses the command line; throws {@link IllegalArgumentException} with a message for the user. */
    public static Arguments parse(String... args) {
        if (args.length == 0) {
            return of(Command.HELP);
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "up" -> up(rest);
            case "down" -> noArguments(Command.DOWN, rest);
            case "status" -> noArguments(Command.STATUS, rest);
            case "demo" -> noArguments(Command.DEMO, rest);
            case "token" -> {
                if (rest.size() != 1 || rest.get(0).isBlank() || rest.get(0).startsWith("-")) {
                    throw new IllegalArgumentException(
                            "token needs exactly one user name, e.g. ./acse token coordinator");
                }
                yield new Arguments(Command.TOKEN, null, rest.get(0), null);
            }
            case "onboard" -> new Arguments(Command.ONBOARD, null, null, onboarding(rest));
            case "help", "-h", "--help" -> of(Command.HELP);
            default -> throw new IllegalArgumentException("unknown command: " + args[0]);
        };
    }

    private static Arguments up(List<String> options) {
        Scope scope = null;
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (String option : options) {
            if (option.startsWith(PARTITIONS)) {
                partitions(option.substring(PARTITIONS.length()), partitions);
                continue;
            }
            Scope chosen = switch (option) {
                case "--empty" -> Scope.EMPTY;
                case "--infra" -> Scope.INFRA;
                default -> throw new IllegalArgumentException("unknown option for up: " + option);
            };
            if (scope != null) {
                throw new IllegalArgumentException("up takes at most one of --empty and --infra");
            }
            scope = chosen;
        }
        return new Arguments(Command.UP, scope == null ? Scope.DEMO : scope, null, null, partitions);
    }

    /**
     * {@code 12} (the three topics) or {@code acse.referrals=12,acse.placements=12}, items applied in order (a later
     * one wins for its topic).
     */
    private static void partitions(String value, Map<String, Integer> partitions) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(
                    "--partitions needs a count or <topic>=<count>, e.g. --partitions=12 or --partitions=acse.referrals=12");
        }
        List<String> topics = Stream.concat(
                        Topics.ALL.stream(), Topics.ALL.stream().map(Topics::deadLetter))
                .toList();
        for (String item : value.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                int count = partitionCount(item, "--partitions");
                Topics.ALL.forEach(t -> partitions.put(t, count));
                continue;
            }
            String topic = item.substring(0, equals).trim();
            if (!topics.contains(topic)) {
                throw new IllegalArgumentException("--partitions: unknown topic '" + topic + "', one of " + topics);
            }
            partitions.put(topic, partitionCount(item.substring(equals + 1), "--partitions for " + topic));
        }
    }

    private static int partitionCount(String value, String what) {
        int count;
        try {
            count = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > MAX_PARTITIONS) {
            throw new IllegalArgumentException(
                    what + ": '" + value + "' is not a number of partitions from 1 to " + MAX_PARTITIONS);
        }
        return count;
    }

    private static Onboarding.Request onboarding(List<String> rest) {
        String kind = rest.isEmpty() ? "" : rest.get(0);
        List<String> operands = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
        return switch (kind) {
            case "staff" -> {
                expect(operands, 2, "onboard staff <username> <shelter-id>");
                yield new Onboarding.Request(
                        Onboarding.Kind.STAFF, username(operands.get(0)), shelterId(operands.get(1)));
            }
            case "partner" -> {
                expect(operands, 2, "onboard partner <username> <org-id>");
                yield new Onboarding.Request(
                        Onboarding.Kind.PARTNER, username(operands.get(0)), orgId(operands.get(1)));
            }
            case "coordinator" -> {
                expect(operands, 1, "onboard coordinator <username>");
                yield new Onboarding.Request(Onboarding.Kind.COORDINATOR, username(operands.get(0)), null);
            }
            case "partner-client" -> {
                expect(operands, 1, "onboard partner-client <org-id>");
                yield new Onboarding.Request(Onboarding.Kind.PARTNER_CLIENT, null, orgId(operands.get(0)));
            }
            default ->
                throw new IllegalArgumentException(
                        "onboard needs what to add: staff, partner, coordinator or partner-client");
        };
    }

    private static void expect(List<String> operands, int count, String usage) {
        if (operands.size() != count) {
            throw new IllegalArgumentException("usage: ./acse " + usage);
        }
    }

    private static String username(String value) {
        if (!USERNAME.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a username has 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static String orgId(String value) {
        if (!ORG_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "an organisation id has 2 to 63 characters: lower-case letters, digits or '-'");
        }
        return value;
    }

    private static String shelterId(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a shelter id is the UUID placement-service gave the shelter");
        }
    }

    private static Arguments of(Command command) {
        return new Arguments(command, null, null, null);
    }

    private static Arguments noArguments(Command command, List<String> rest) {
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException(command.name().toLowerCase() + " takes no arguments");
        }
        return of(command);
    }
}
