package org.acse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.acse.launcher.Arguments.Command;
import org.acse.launcher.Arguments.Scope;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void readsEachCommand() {
        assertThat(Arguments.parse("up").scope()).isEqualTo(Scope.DEMO);
        assertThat(Arguments.parse("up", "--empty").scope()).isEqualTo(Scope.EMPTY);
        assertThat(Arguments.parse("up", "--infra").scope()).isEqualTo(Scope.INFRA);
        assertThat(Arguments.parse("down").command()).isEqualTo(Command.DOWN);
        assertThat(Arguments.parse("status").command()).isEqualTo(Command.STATUS);
        assertThat(Arguments.parse("demo").command()).isEqualTo(Command.DEMO);
        assertThat(Arguments.parse("token", "partner.nice"))
                .isEqualTo(new Arguments(Command.TOKEN, null, "partner.nice", null));
        assertThat(Arguments.parse().command()).isEqualTo(Command.HELP);
        assertThat(Arguments.parse("--help").command()).isEqualTo(Command.HELP);
    }

    @Test
    void refusesWhatItDoesNotKnowWithAMessage() {
        assertThatThrownBy(() -> Arguments.parse("start")).hasMessageContaining("unknown command: start");
        assertThatThrownBy(() -> Arguments.parse("up", "--full")).hasMessageContaining("--full");
        assertThatThrownBy(() -> Arguments.parse("token")).hasMessageContaining("one user name");
        assertThatThrownBy(() -> Arguments.parse("token", "a", "b")).hasMessageContaining("one user name");
        assertThatThrownBy(() -> Arguments.parse("down", "now")).hasMessageContaining("no arguments");
        assertThatThrownBy(() -> Arguments.parse("up", "--empty", "--infra")).hasMessageContaining("at most one");
        assertThatThrownBy(() -> Arguments.parse("up", "--empty", "--empty")).hasMessageContaining("at most one");
    }

    @Test
    void readsThePartitionsOfEveryTopicOrOfEachOne() {
        assertThat(Arguments.parse("up").partitions()).isEmpty();
        assertThat(Arguments.parse("up", "--partitions=6").partitions())
                .isEqualTo(Map.of("acse.referrals", 6, "acse.placements", 6, "acse.alerts", 6));
        assertThat(Arguments.parse("up", "--partitions=acse.referrals=12,acse.placements=12")
                        .partitions())
                .isEqualTo(Map.of("acse.referrals", 12, "acse.placements", 12));
        Arguments both = Arguments.parse(
                "up", "--empty", "--partitions=4,acse.referrals=12", "--partitions=acse.referrals.dlq=2");
        assertThat(both.scope()).isEqualTo(Scope.EMPTY);
        assertThat(both.partitions())
                .isEqualTo(
                        Map.of("acse.referrals", 12, "acse.placements", 4, "acse.alerts", 4, "acse.referrals.dlq", 2));
        assertThat(Arguments.parse("up", "--partitions=acse.placements=3", "--infra")
                        .scope())
                .isEqualTo(Scope.INFRA);
    }

    @Test
    void refusesPartitionsThatAreNoCountOrOfNoSuiteTopic() {
        assertThatThrownBy(() -> Arguments.parse("up", "--partitions="))
                .hasMessageContaining("--partitions needs a count");
        assertThatThrownBy(() -> Arguments.parse("up", "--partitions=0")).hasMessageContaining("from 1 to 64");
        assertThatThrownBy(() -> Arguments.parse("up", "--partitions=65")).hasMessageContaining("'65'");
        assertThatThrownBy(() -> Arguments.parse("up", "--partitions=twelve")).hasMessageContaining("'twelve'");
        assertThatThrownBy(() -> Arguments.parse("up", "--partitions=acse.referrals=-1"))
                .hasMessageContaining("--partitions for acse.referrals: '-1'");
        assertThatThrownBy(() -> Arguments.parse("up", "--partitions=acse.referals=12"))
                .hasMessageContaining("unknown topic 'acse.referals'")
                .hasMessageContaining("acse.placements");
        assertThatThrownBy(() -> Arguments.parse("up", "--partitions=12,"))
                .hasMessageContaining("is not a number of partitions");
        assertThatThrownBy(() -> Arguments.parse("up", "--partitions", "12")).hasMessageContaining("--partitions");
    }

    @Test
    void saysInItsHelpHowToSetThePartitions() {
        assertThat(Arguments.USAGE)
                .contains("--partitions=<n>")
                .contains("--partitions=acse.referrals=12,acse.placements=12")
                .contains("1 to 64")
                .contains("default 3 each");
    }

    @Test
    void readsWhoToOnboardAndTheirTenant() {
        String shelter = "4f1c2b7e-9d3a-4e5f-8a6b-0c1d2e3f4a5b";
        assertThat(Arguments.parse("onboard", "staff", "staff.lyon", shelter).onboarding())
                .isEqualTo(new Onboarding.Request(Onboarding.Kind.STAFF, "staff.lyon", shelter));
        assertThat(Arguments.parse("onboard", "partner", "worker.paris", "org-paris")
                        .onboarding())
                .isEqualTo(new Onboarding.Request(Onboarding.Kind.PARTNER, "worker.paris", "org-paris"));
        assertThat(Arguments.parse("onboard", "coordinator", "coord.2").onboarding())
                .isEqualTo(new Onboarding.Request(Onboarding.Kind.COORDINATOR, "coord.2", null));
        assertThat(Arguments.parse("onboard", "partner-client", "org-paris").onboarding())
                .isEqualTo(new Onboarding.Request(Onboarding.Kind.PARTNER_CLIENT, null, "org-paris"));
    }

    @Test
    void refusesAnOnboardingWithoutItsTenantOrWithAMalformedOne() {
        assertThatThrownBy(() -> Arguments.parse("onboard")).hasMessageContaining("staff, partner");
        assertThatThrownBy(() -> Arguments.parse("onboard", "staff", "staff.lyon"))
                .hasMessageContaining("onboard staff <username> <shelter-id>");
        assertThatThrownBy(() -> Arguments.parse("onboard", "staff", "staff.lyon", "LYON-F-2"))
                .hasMessageContaining("UUID");
        assertThatThrownBy(() -> Arguments.parse("onboard", "partner", "Worker Paris", "org-paris"))
                .hasMessageContaining("username");
        assertThatThrownBy(() -> Arguments.parse("onboard", "partner-client", "ORG/../x"))
                .hasMessageContaining("organisation id");
    }
}
