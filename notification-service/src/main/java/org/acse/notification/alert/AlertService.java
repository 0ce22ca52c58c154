package org.acse.notification.alert;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.AlertAcknowledged;
import org.acse.common.events.AlertEscalated;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.notification.channel.OwnerType;
import org.acse.notification.delivery.Deliveries;
import org.acse.platform.outbox.Outbox;
import org.acse.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Alerts: created and moved by placement and referral events (in the consumer's transaction, with their pending
 * deliveries), acknowledged by the shelter team, escalated to coordinators when nobody answers in time.
 */
@ApplicationScoped
public class AlertService {
    private static final Logger LOG = Logger.getLogger(AlertService.class);

    @Inject
    AlertConfig config;

    @Inject
    Deliveries deliveries;

    @Inject
    AlertFeed feed;

    @Inject
    AlertLinks links;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubmitted(ReferralSubmitted event) {
        if (ReferralOrigin.findById(event.referralId()) != null) {
            return;
        }
        ReferralOrigin origin = new ReferralOrigin();
        origin.referralId = event.referralId();
        origin.organisationId = event.organisationId();
        origin.pseudonym = event.pseudonym();
        origin.urgency = event.urgency();
        origin.status = "SUBMITTED";
        origin.updatedAt = Instant.now();
        origin.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onProposed(PlacementProposed event) {
        if (Alert.count("placementId", event.placementId()) > 0) {
            return;
        }
        Instant now = Instant.now();
        List<AlertView> changed = new ArrayList<>(closeNoMatch(event.referralId()));
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.kind = AlertKind.PROPOSAL;
        alert.status = AlertStatus.OPEN;
        alert.referralId = event.referralId();
        alert.placementId = event.placementId();
        alert.shelterId = event.shelterId();
        alert.pseudonym = event.pseudonym();
        alert.household = event.household();
        alert.needs = event.needs();
        alert.languages = event.languages();
        alert.urgency = event.urgency();
        Instant from = event.availableFrom() == null || event.availableFrom().isBefore(now) ? now
                : event.availableFrom();
        alert.arrivalFrom = from;
        alert.arrivalUntil = from.plus(config.arrivalWindow(event.urgency()));
        alert.holdExpiresAt = event.holdExpiresAt();
        alert.createdAt = now;
        alert.updatedAt = now;
        alert.ackDueAt = now.plus(config.ackDelay(event.urgency()));
        alert.persist();
        changed.add(AlertView.of(alert));
        deliveries.enqueue(OwnerType.SHELTER, alert.shelterId.toString(), alert.id, alert.referralId,
                EventType.PLACEMENT_PROPOSED.type(),
                AlertMessages.proposal(alert, EventType.PLACEMENT_PROPOSED.type(), links.alert(alert.id), false));
        tellOrganisation(event.referralId(), "PROPOSED", EventType.PLACEMENT_PROPOSED);
        feed.publishAfterCommit(changed);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onDecided(EventType type, PlacementDecided event) {
        AlertStatus status = switch (type) {
            case PLACEMENT_ACCEPTED -> AlertStatus.ACCEPTED;
            case PLACEMENT_DECLINED -> AlertStatus.DECLINED;
            case PLACEMENT_EXPIRED -> AlertStatus.EXPIRED;
            case PLACEMENT_CANCELLED -> AlertStatus.CANCELLED;
            case PLACEMENT_ARRIVED -> AlertStatus.ARRIVED;
            default -> throw new IllegalArgumentException(type.name());
        };
        Alert alert = Alert.<Alert>find("placementId", event.placementId()).firstResult();
        if (alert != null && alert.status != status) {
            alert.status = status;
            alert.updatedAt = Instant.now();
            deliveries.enqueue(OwnerType.SHELTER, alert.shelterId.toString(), alert.id, alert.referralId,
                    type.type(), AlertMessages.statusChange(alert, type.type(), links.alert(alert.id)));
            feed.publishAfterCommit(List.of(AlertView.of(alert)));
        }
        switch (type) {
            case PLACEMENT_ACCEPTED -> tellOrganisation(event.referralId(), "ACCEPTED", type);
            case PLACEMENT_ARRIVED -> tellOrganisation(event.referralId(), "ARRIVED", type);
            case PLACEMENT_DECLINED, PLACEMENT_EXPIRED -> tellOrganisation(event.referralId(), "SEARCHING", type);
            default -> {
                // a cancellation follows a withdrawal, which the organisation hears about itself
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onNoMatch(PlacementNoMatch event) {
        boolean alreadyOpen = Alert.count("referralId = ?1 and kind = ?2 and status in ?3", event.referralId(),
                AlertKind.NO_MATCH, List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)) > 0;
        if (alreadyOpen) {
            return;
        }
        Instant now = Instant.now();
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.kind = AlertKind.NO_MATCH;
        alert.status = AlertStatus.OPEN;
        alert.referralId = event.referralId();
        alert.pseudonym = event.pseudonym();
        alert.urgency = event.urgency();
        alert.createdAt = now;
        alert.updatedAt = now;
        alert.persist();
        deliveries.enqueue(OwnerType.COORDINATION, OwnerType.COORDINATION_ID, alert.id, alert.referralId,
                EventType.PLACEMENT_NO_MATCH.type(), AlertMessages.noMatch(alert, EventType.PLACEMENT_NO_MATCH.type(),
                        event.sheltersConsidered(), links.coordination()));
        tellOrganisation(event.referralId(), "NO_MATCH", EventType.PLACEMENT_NO_MATCH);
        feed.publishAfterCommit(List.of(AlertView.of(alert)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onWithdrawn(ReferralWithdrawn event) {
        List<Alert> active = Alert.list("referralId = ?1 and status in ?2", event.referralId(),
                List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.ESCALATED));
        List<AlertView> changed = new ArrayList<>();
        for (Alert alert : active) {
            alert.status = AlertStatus.WITHDRAWN;
            alert.updatedAt = Instant.now();
            if (alert.shelterId != null) {
                deliveries.enqueue(OwnerType.SHELTER, alert.shelterId.toString(), alert.id, alert.referralId,
                        EventType.REFERRAL_WITHDRAWN.type(),
                        AlertMessages.statusChange(alert, EventType.REFERRAL_WITHDRAWN.type(), links.alert(alert.id)));
            }
            changed.add(AlertView.of(alert));
        }
        tellOrganisation(event.referralId(), "WITHDRAWN", EventType.REFERRAL_WITHDRAWN);
        feed.publishAfterCommit(changed);
    }

    /** The shelter team (or a coordinator) has seen the alert. Idempotent. */
    @Transactional
    public AlertView acknowledge(UUID alertId, Viewer viewer) {
        Alert alert = visible(alertId, viewer);
        if (alert.acknowledgedAt != null) {
            return AlertView.of(alert);
        }
        if (!alert.status.isActive()) {
            throw ProblemException.conflict("alert-closed", "The alert is closed; there is nothing to acknowledge.");
        }
        Instant now = Instant.now();
        alert.acknowledgedAt = now;
        alert.acknowledgedBy = viewer.subject();
        alert.status = AlertStatus.ACKNOWLEDGED;
        alert.updatedAt = now;
        outbox.publish(EventType.ALERT_ACKNOWLEDGED,
                new AlertAcknowledged(alert.id, alert.referralId, alert.shelterId, now));
        AlertView view = AlertView.of(alert);
        feed.publishAfterCommit(List.of(view));
        return view;
    }

    /**
     * Proposals nobody acknowledged in time: re-sent to the shelter and escalated to coordinators, once. Rows are
     * claimed {@code FOR UPDATE SKIP LOCKED}, so replicas do not escalate the same alert twice.
     */
    @Transactional
    public int escalateDue() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Alert> due = Alert.getEntityManager().createNativeQuery(
                "SELECT * FROM alert WHERE kind = 'PROPOSAL' AND status = 'OPEN' AND acknowledged_at IS NULL"
                        + " AND escalated_at IS NULL AND ack_due_at <= :now ORDER BY ack_due_at LIMIT 100"
                        + " FOR UPDATE SKIP LOCKED", Alert.class)
                .setParameter("now", now).getResultList();
        List<AlertView> changed = new ArrayList<>();
        String type = EventType.ALERT_ESCALATED.type();
        for (Alert alert : due) {
            alert.status = AlertStatus.ESCALATED;
            alert.escalatedAt = now;
            alert.updatedAt = now;
            deliveries.enqueue(OwnerType.SHELTER, alert.shelterId.toString(), alert.id, alert.referralId, type,
                    AlertMessages.proposal(alert, type, links.alert(alert.id), true));
            deliveries.enqueue(OwnerType.COORDINATION, OwnerType.COORDINATION_ID, alert.id, alert.referralId, type,
                    AlertMessages.escalation(alert, type, links.coordination()));
            outbox.publish(EventType.ALERT_ESCALATED,
                    new AlertEscalated(alert.id, alert.referralId, alert.shelterId, "not-acknowledged", now));
            changed.add(AlertView.of(alert));
        }
        if (!changed.isEmpty()) {
            LOG.infof("escalated %d unacknowledged alert(s)", changed.size());
            feed.publishAfterCommit(changed);
        }
        return changed.size();
    }

    public record AlertPage(List<AlertView> items, int page, int size, long total) {
    }

    @Transactional
    public AlertPage list(Viewer viewer, AlertFilter filter, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!viewer.coordinator()) {
            if (viewer.shelterId().isEmpty()) {
                return new AlertPage(List.of(), page, size, 0);
            }
            q.append(" and shelterId = :own");
            params.put("own", viewer.shelterId().get());
        }
        if (filter.shelterId() != null) {
            q.append(" and shelterId = :shelterId");
            params.put("shelterId", filter.shelterId());
        }
        if (filter.referralId() != null) {
            q.append(" and referralId = :referralId");
            params.put("referralId", filter.referralId());
        }
        if (filter.status() != null) {
            q.append(" and status in :status");
            params.put("status", filter.status());
        }
        if (filter.kind() != null) {
            q.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.escalated() != null) {
            q.append(filter.escalated() ? " and escalatedAt is not null" : " and escalatedAt is null");
        }
        var found = Alert.<Alert>find(q.toString(), Sort.descending("createdAt").and("id"), params);
        List<AlertView> items = found.page(Page.of(page, size)).list().stream().map(AlertView::of).toList();
        return new AlertPage(items, page, size, found.count());
    }

    @Transactional
    public AlertView get(UUID alertId, Viewer viewer) {
        return AlertView.of(visible(alertId, viewer));
    }

    /** Another shelter's alert is answered like a missing one. */
    private Alert visible(UUID alertId, Viewer viewer) {
        Alert alert = Alert.findById(alertId);
        if (alert == null || !viewer.canSee(alert)) {
            throw ProblemException.notFound("Alert");
        }
        return alert;
    }

    private List<AlertView> closeNoMatch(UUID referralId) {
        List<Alert> open = Alert.list("referralId = ?1 and kind = ?2 and status in ?3", referralId,
                AlertKind.NO_MATCH, List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED));
        open.forEach(a -> {
            a.status = AlertStatus.RESOLVED;
            a.updatedAt = Instant.now();
        });
        return open.stream().map(AlertView::of).toList();
    }

    /** The referring organisation hears the referral's status, never which shelter. */
    private void tellOrganisation(UUID referralId, String status, EventType type) {
        ReferralOrigin origin = ReferralOrigin.findById(referralId);
        if (origin == null) {
            return;
        }
        Instant now = Instant.now();
        origin.status = status;
        origin.updatedAt = now;
        deliveries.enqueue(OwnerType.ORGANISATION, origin.organisationId, null, referralId, type.type(),
                AlertMessages.referralStatus(referralId, origin.pseudonym, status, type.type(), now));
    }
}
