package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The service's own database role adds to the audit log and reads it, and can do nothing else to it: not rewrite a
 * row, not delete one, not switch off the trigger that guards it. Flyway, as the schema's owner, made it so.
 */
@QuarkusTest
class AuditLogProtectionTest {
    /** PostgreSQL's insufficient_privilege. */
    private static final String REFUSED = "42501";

    @Inject
    DataSource dataSource;

    @Test
    void theRuntimeRoleMayAppendAndReadTheAuditLogButNeverRewriteIt() throws SQLException {
        UUID referral = submit(Tokens.partner(Tokens.ORG_A));
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200);

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet who = s.executeQuery("SELECT current_user")) {
                who.next();
                assertThat(who.getString(1)).isEqualTo("acse_intake_app");
            }
            try (ResultSet rows =
                    s.executeQuery("SELECT count(*) FROM audit_log WHERE target_id = '" + referral + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the read was appended").isPositive();
            }
            for (String rewrite : new String[] {
                "UPDATE audit_log SET subject = 'someone else' WHERE target_id = '" + referral + "'",
                "DELETE FROM audit_log WHERE target_id = '" + referral + "'",
                "TRUNCATE audit_log",
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "DROP TRIGGER audit_log_append_only ON audit_log"
            }) {
                assertThatThrownBy(() -> s.execute(rewrite))
                        .as(rewrite)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo(REFUSED));
            }
            // the application's own tables stay writable
            assertThat(s.executeUpdate("UPDATE referral SET updated_at = updated_at WHERE id = '" + referral + "'"))
                    .isEqualTo(1);
        }
    }
}
