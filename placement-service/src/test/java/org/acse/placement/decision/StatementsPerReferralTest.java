package org.acse.placement.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.acse.common.events.ReferralSubmitted;
import org.acse.placement.Fixtures;
import org.acse.placement.StatementLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one new referral costs the database, from {@code referral.submitted} to the hold and its outbox event: the
 * search itself reads no table (the snapshot knows the network and the units held), and the hold is one locking
 * statement and one guarded insert.
 */
@QuarkusTest
class StatementsPerReferralTest {
    @Inject
    ReferralReactions placements;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    @Test
    void aNewReferralIsHeldInEightStatements() {
        Fixtures.shelter(Fixtures.LYON, 1, 2);
        Fixtures.shelter(Fixtures.PARIS, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        StatementLog.start();
        placements.onSubmitted(referral);
        List<String> statements = StatementLog.stop();
        assertThat(fixtures.referralStatus(referral.referralId())).isEqualTo("PROPOSED");
        // Read the referral (redelivery), insert it, its row of the figures and its "searching" event, lock the unit
        // (with its live check), insert the hold and its "proposed" event, update the referral's status.
        assertThat(statements).as(String.join("\n", statements)).hasSize(8);
        assertThat(statements)
                .filteredOn(s -> s.toLowerCase().contains("for update"))
                .hasSize(1);
    }

    @Test
    void aSecondReferralDoesNotTakeTheHeldPlace() {
        Fixtures.shelter(Fixtures.LYON, 1);
        ReferralSubmitted first = Fixtures.womanInNice();
        ReferralSubmitted second = Fixtures.womanInNice();
        placements.onSubmitted(first);
        StatementLog.start();
        placements.onSubmitted(second);
        List<String> statements = StatementLog.stop();
        // The snapshot knew the place was held after the first commit: no attempt to lock it, no match.
        assertThat(statements).noneMatch(s -> s.toLowerCase().contains("for update"));
        assertThat(fixtures.referralStatus(first.referralId())).isEqualTo("PROPOSED");
        assertThat(fixtures.referralStatus(second.referralId())).isEqualTo("NO_MATCH");
    }
}
