package org.acse.placement.shelter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import db.migration.V5__shelter_address_encrypted;
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
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.Sealed;
import org.acse.testsupport.SchemaDump;
import org.acse.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** A shelter's address is stored encrypted: a dump of the schema never shows it, and older rows were converted. */
@QuarkusTest
class ShelterAddressAtRestTest {
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
    void theAddressIsReadableThroughTheApiButNotInTheDatabase() throws SQLException {
        String address = "7 allée " + UUID.randomUUID();
        String id = given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("""
                        {"code":"AR-%s","name":"Maison","communeCode":"35238","address":"%s",
                         "accepts":{"genders":["FEMALE"],"families":false},"units":[{"capacity":1}]}""".formatted(UUID.randomUUID().toString().substring(0, 8), address))
                .post("/api/v1/shelters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters/" + id)
                .then()
                .statusCode(200)
                .body("address", equalTo(address));

        assertThat(SchemaDump.of(dataSource, "placement")).contains(id).doesNotContain(address);
    }

    @Test
    void theMigrationSealsTheAddressesStoredInClearAndDropsTheColumn() throws Exception {
        String schema =
                "shelter_v4_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID id = UUID.randomUUID();
        String address = "3 impasse " + UUID.randomUUID();
        // as the schema's owner, who runs the migrations (the service's own role may create nothing)
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
            try {
                // the shelter table's address as V1 made it
                s.execute("CREATE TABLE shelter (id UUID PRIMARY KEY, address TEXT NOT NULL)");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO shelter VALUES (?, ?)")) {
                    insert.setObject(1, id);
                    insert.setString(2, address);
                    insert.executeUpdate();
                }

                new V5__shelter_address_encrypted().migrate(context(c));

                try (ResultSet rows = s.executeQuery("SELECT address_ciphertext, address_key_id FROM shelter")) {
                    assertThat(rows.next()).isTrue();
                    Sealed sealed = new Sealed(rows.getString(2), rows.getBytes(1));
                    assertThat(new String(cipher.open(sealed, Shelter.addressAad(id)), StandardCharsets.UTF_8))
                            .isEqualTo(address);
                }
                assertThat(SchemaDump.of(c, schema)).doesNotContain(address);
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
