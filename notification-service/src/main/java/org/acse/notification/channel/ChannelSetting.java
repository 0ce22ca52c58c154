package org.acse.notification.channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.Sealed;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "channel_setting")
public class ChannelSetting extends PanacheEntityBase {
    @Embeddable
    public record Owner(
            @Enumerated(EnumType.STRING) @Column(name = "owner_type")
            OwnerType type,

            @Column(name = "owner_id") String id)
            implements Serializable {}

    @EmbeddedId
    public Owner owner;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> emails = List.of();

    @Column(name = "webhook_url")
    public String webhookUrl;

    /** The webhook's signing secret, encrypted at rest: anyone holding it could forge alerts to the receiver. */
    @Column(name = "webhook_secret_ciphertext")
    byte[] webhookSecretCiphertext;

    @Column(name = "webhook_secret_key_id")
    String webhookSecretKeyId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ChannelSetting> of(OwnerType type, String id) {
        return findByIdOptional(new Owner(type, id));
    }

    public boolean hasWebhook() {
        return webhookUrl != null && hasWebhookSecret();
    }

    public boolean hasWebhookSecret() {
        return webhookSecretCiphertext != null;
    }

    /** The associated data of a secret's ciphertext: a ciphertext copied onto another channel does not open. */
    public static String secretAad(OwnerType type, String id) {
        return "channel:" + type.name() + ":" + id + ":webhook-secret";
    }

    void sealWebhookSecret(FieldCipher cipher, String secret) {
        if (secret == null) {
            webhookSecretCiphertext = null;
            webhookSecretKeyId = null;
            return;
        }
        Sealed sealed = cipher.seal(secret.getBytes(StandardCharsets.UTF_8), secretAad(owner.type(), owner.id()));
        webhookSecretCiphertext = sealed.ciphertext();
        webhookSecretKeyId = sealed.keyId();
    }

    /** The secret in clear, for signing a call; null if none is set. */
    public String webhookSecret(FieldCipher cipher) {
        if (webhookSecretCiphertext == null) {
            return null;
        }
        byte[] clear = cipher.open(
                new Sealed(webhookSecretKeyId, webhookSecretCiphertext), secretAad(owner.type(), owner.id()));
        return new String(clear, StandardCharsets.UTF_8);
    }
}
