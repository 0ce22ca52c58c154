package org.acse.placement.shelter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.ReEncryption;
import org.acse.platform.crypto.Sealed;
import org.acse.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * After a rotation (dev-2 active, dev-1 still configured), the re-encryption job re-seals what dev-1 sealed, after
 * which dev-1 can be removed: no row needs it, and the address reads as before.
 */
@QuarkusTest
class KeyRotationTest {
    @Inject
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    @Inject
    ReEncryption reEncryption;

    @ConfigProperty(name = "acse.crypto.keys")
    List<String> keys;

    @Test
    void addressesSealedWithTheOldKeyAreResealedWithTheActiveOne() throws SQLException {
        String address = "9 chemin " + UUID.randomUUID();
        String id = given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("""
                        {"code":"KR-%s","name":"Maison","communeCode":"35238","address":"x",
                         "accepts":{"genders":["FEMALE"],"families":false},"units":[{"capacity":1}]}""".formatted(UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/shelters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // the address as the service sealed it before the rotation, with dev-1
        FieldCipher beforeRotation = FieldCipher.of("dev-1", keys);
        Sealed old =
                beforeRotation.seal(address.getBytes(StandardCharsets.UTF_8), Shelter.addressAad(UUID.fromString(id)));
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE shelter SET address_ciphertext = ?, address_key_id = ? WHERE id = ?")) {
            update.setBytes(1, old.ciphertext());
            update.setString(2, old.keyId());
            update.setObject(3, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertThat(cipher.activeKeyId()).isEqualTo("dev-2");
        assertThat(reEncryption.remaining(AddressCiphertext.ADDRESS)).isPositive();

        assertThat(reEncryption.run()).isPositive();

        assertThat(reEncryption.remaining(AddressCiphertext.ADDRESS)).isZero();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT address_key_id FROM shelter WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("dev-2");
            }
        }
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters/" + id)
                .then()
                .statusCode(200)
                .body("address", equalTo(address));
    }
}
