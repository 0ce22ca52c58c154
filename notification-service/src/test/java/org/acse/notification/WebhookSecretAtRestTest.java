package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V5__webhook_secret_encrypted;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.notification.channel.ChannelSetting;
import org.acse.notification.channel.OwnerType;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.Sealed;
import org.acse.testsupport.SchemaDump;
import org.acse.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** A webhook's signing secret is stored encrypted: a dump of the schema never shows it; older rows were converted. */
@QuarkusTest
class WebhookSecretAtRestTest {
    @Inject
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.flyway.username")
    String owner;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @Test
    void aMadeSecretIsAnsweredOnceAndNeverStoredInClear() throws SQLException {
        UUID shelter = UUID.randomUUID();
        String secret = given().auth()
                .oauth2(Tokens.staff(shelter))
                .contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"http://127.0.0.1:9/hook\"}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200)
                .extract()
                .path("webhookSecret");
        assertThat(secret).startsWith("whsec_");
        String key = secret.substring("whsec_".length());

        String dump = SchemaDump.of(dataSource, "notification");
        assertThat(dump).contains(shelter.toString()).doesNotContain(key);
    }

    @Test
    void theMigrationSealsTheSecretsStoredInClearAndDropsTheColumn() throws Exception {
        String schema =
                "channel_v4_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String ownerId = UUID.randomUUID().toString();
        String secret = "whsec_" + UUID.randomUUID();
        // as the schema's owner, who runs the migrations (the service's own role may create nothing)
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
            try {
                // the table's key and secret as V1 made them
                s.execute("CREATE TABLE channel_setting (owner_type TEXT NOT NULL, owner_id TEXT NOT NULL,"
                        + " webhook_secret TEXT, PRIMARY KEY (owner_type, owner_id))");
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO channel_setting VALUES ('SHELTER', ?, ?), ('ORGANISATION', ?, NULL)")) {
                    insert.setString(1, ownerId);
                    insert.setString(2, secret);
                    insert.setString(3, ownerId);
                    insert.executeUpdate();
                }

                new V5__webhook_secret_encrypted().migrate(context(c));

                try (ResultSet rows = s.executeQuery("SELECT webhook_secret_ciphertext, webhook_secret_key_id"
                        + " FROM channel_setting ORDER BY owner_type DESC")) {
                    assertThat(rows.next()).isTrue();
                    Sealed sealed = new Sealed(rows.getString(2), rows.getBytes(1));
                    assertThat(new String(
                                    cipher.open(sealed, ChannelSetting.secretAad(OwnerType.SHELTER, ownerId)),
                                    StandardCharsets.UTF_8))
                            .isEqualTo(secret);
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getBytes(1)).as("no secret, nothing sealed").isNull();
                }
                assertThat(SchemaDump.of(c, schema)).doesNotContain(secret);
            } finally {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
