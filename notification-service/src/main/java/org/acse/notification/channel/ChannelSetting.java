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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ChannelSetting> of(OwnerType type, String id) {
        return findByIdOptional(new Owner(type, id));
    }

    public boolean hasWebhook() {
        return webhookUrl != null && webhookSecret != null;
    }
}
