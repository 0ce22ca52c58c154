package org.acse.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.acse.common.events.Urgency;

/** Which organisation referred the person (from {@code referral.submitted}): it receives status updates. */
@Entity
@Table(name = "referral_origin")
public class ReferralOrigin extends PanacheEntityBase {
    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(nullable = false)
    public String pseudonym;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
