package org.acse.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.acse.notification.channel.OwnerType;

/** One message to one recipient on one channel, with its attempts. The payload is the identity-free JSON body. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    public enum Channel {
        EMAIL,
        WEBHOOK
    }

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "alert_id")
    public UUID alertId;

    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type", nullable = false)
    public OwnerType recipientType;

    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The span that recorded this delivery, whose child its sending is (see {@code Traceparent}). */
    public String traceparent;

    /** A short technical reason (HTTP status, exception class): never a payload. */
    @Column(name = "last_error")
    public String lastError;
}
