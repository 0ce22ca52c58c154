package org.acse.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.acse.platform.crypto.SealedColumn;
import org.acse.platform.crypto.SealedColumns;

/** The webhook secrets, for re-encryption after a key rotation. */
@ApplicationScoped
public class SecretCiphertext implements SealedColumns {
    @Override
    public List<SealedColumn> columns() {
        return List.of(new SealedColumn(
                "channel_setting",
                List.of("owner_type", "owner_id"),
                "webhook_secret",
                keys -> ChannelSetting.secretAad(OwnerType.valueOf((String) keys.get(0)), (String) keys.get(1))));
    }
}
