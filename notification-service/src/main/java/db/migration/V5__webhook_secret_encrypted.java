package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.acse.notification.channel.ChannelSetting;
import org.acse.notification.channel.OwnerType;
import org.acse.platform.crypto.Ciphers;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.Sealed;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Webhook secrets encrypted at rest (platform's FieldCipher, the service's keys): every existing secret sealed in
 * place, then the clear-text column dropped. Java, because the key is configuration, not SQL.
 */
public class V5__webhook_secret_encrypted extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE channel_setting ADD COLUMN webhook_secret_ciphertext BYTEA,"
                    + " ADD COLUMN webhook_secret_key_id TEXT");
        }
        FieldCipher cipher = null;
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT owner_type, owner_id, webhook_secret FROM channel_setting"
                        + " WHERE webhook_secret IS NOT NULL");
                PreparedStatement update = connection.prepareStatement("UPDATE channel_setting"
                        + " SET webhook_secret_ciphertext = ?, webhook_secret_key_id = ?"
                        + " WHERE owner_type = ? AND owner_id = ?")) {
            while (rows.next()) {
                if (cipher == null) {
                    cipher = Ciphers.fromConfig(); // only asked for when there is something to encrypt
                }
                OwnerType type = OwnerType.valueOf(rows.getString(1));
                String id = rows.getString(2);
                Sealed sealed = cipher.seal(
                        rows.getString(3).getBytes(StandardCharsets.UTF_8), ChannelSetting.secretAad(type, id));
                update.setBytes(1, sealed.ciphertext());
                update.setString(2, sealed.keyId());
                update.setString(3, type.name());
                update.setString(4, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE channel_setting DROP COLUMN webhook_secret");
        }
    }
}
