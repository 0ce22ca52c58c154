package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.acse.placement.shelter.Shelter;
import org.acse.platform.crypto.Ciphers;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.Sealed;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Shelter addresses encrypted at rest (platform's FieldCipher, the service's keys): every existing address sealed
 * in place, then the clear-text column dropped. Java, because the key is configuration, not SQL.
 */
public class V5__shelter_address_encrypted extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE shelter ADD COLUMN address_ciphertext BYTEA, ADD COLUMN address_key_id TEXT");
        }
        FieldCipher cipher = null;
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT id, address FROM shelter");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE shelter SET address_ciphertext = ?, address_key_id = ? WHERE id = ?")) {
            while (rows.next()) {
                if (cipher == null) {
                    cipher = Ciphers.fromConfig(); // only asked for when there is something to encrypt
                }
                UUID id = rows.getObject(1, UUID.class);
                Sealed sealed = cipher.seal(rows.getString(2).getBytes(StandardCharsets.UTF_8), Shelter.addressAad(id));
                update.setBytes(1, sealed.ciphertext());
                update.setString(2, sealed.keyId());
                update.setObject(3, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE shelter ALTER COLUMN address_ciphertext SET NOT NULL,"
                    + " ALTER COLUMN address_key_id SET NOT NULL, DROP COLUMN address");
        }
    }
}
