package org.acse.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.AlertAcknowledged;
import org.acse.common.events.AlertEscalated;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.PlacementSearching;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.common.events.Urgency;
import org.acse.notification.channel.OwnerType;
import org.acse.notification.delivery.Deliveries;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.outbox.Outbox;
import org.acse.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Alerts: created and moved by placement and referral events (in the consumer's transaction, with their pending
 * deliveries), acknowledged by the shelter team or coordinators, escalated to coordinators when nobody answers in
 * time. Every read is audited.
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

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubmitted(ReferralSubmitted event) {
        if (ReferralOrigin.findById(event.referralId()) != null) {
            return;
        }
        Instant now = Instant.now();
        ReferralOrigin origin = new ReferralOrigin();
        origin.referralId = event.referralId();
        origin.organisationId = event.organisationId();
        origin.pseudonym = pseudonym(event.pseudonym());
        origin.urgency = event.urgency() == null ? Urgency.IMMEDIATE : event.urgency();
        origin.status = ReferralStatus.SUBMITTED;
        origin.updatedAt = now;
        origin.persist();
        if (event.possibleDuplicateOf() != null && !event.possibleDuplicateOf().equals(event.referralId())) {
            possibleDuplicate(event, origin, now);
        }
    }

    /** Coordinators decide whether the new referral is the same person as the open one it names. */
    private void possibleDuplicate(ReferralSubmitted event, ReferralOrigin origin, Instant now) {
        Alert alert = coordinatorAlert(
                AlertKind.POSSIBLE_DUPLICATE, event.referralId(), origin.pseudonym, origin.urgency, now);
        alert.relatedReferralId = event.possibleDuplicateOf();
        alert.household = event.household();
        alert.needs = event.needs();
        alert.languages = event.languages();
        alert.persist();
        ReferralOrigin related = ReferralOrigin.findById(event.possibleDuplicateOf());
        String type = EventType.REFERRAL_SUBMITTED.type();
        deliveries.enqueue(
                OwnerType.COORDINATION,
                OwnerType.COORDINATION_ID,
                alert.id,
                alert.referralId,
                type,
                AlertMessages.possibleDuplicate(
                        alert, related == null ? null : related.pseudonym, type, links.alert(alert)));
        feed.publishAfterCommit(List.of(AlertView.of(alert)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onProposed(PlacementProposed event) {
        if (Alert.count("placementId = ?1 and kind = ?2", event.placementId(), AlertKind.PROPOSAL) > 0) {
            return;
        }
        Instant now = Instant.now();
        List<AlertView> changed = new ArrayList<>(
                resolve(event.referralId(), AlertKind.NO_MATCH, AlertKind.NO_SHOW, AlertKind.POSSIBLE_DUPLICATE));
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.kind = AlertKind.PROPOSAL;
        alert.status = AlertStatus.OPEN;
        alert.referralId = event.referralId();
        alert.placementId = event.placementId();
        alert.shelterId = event.shelterId();
        alert.pseudonym = pseudonym(event.pseudonym());
        alert.household = event.household();
        alert.needs = event.needs();
        alert.languages = event.languages();
        alert.urgency = event.urgency();
        Instant from =
                event.availableFrom() == null || event.availableFrom().isBefore(now) ? now : event.availableFrom();
        alert.arrivalFrom = from;
        alert.arrivalUntil = from.plus(config.arrivalWindow(event.urgency()));
        alert.holdExpiresAt = event.holdExpiresAt();
        alert.createdAt = now;
        alert.updatedAt = now;
        alert.ackDueAt = now.plus(config.ackDelay(event.urgency()));
        alert.persist();
        changed.add(AlertView.of(alert));
        deliveries.enqueue(
                OwnerType.SHELTER,
                alert.shelterId.toString(),
                alert.id,
                alert.referralId,
                EventType.PLACEMENT_PROPOSED.type(),
                AlertMessages.proposal(alert, EventType.PLACEMENT_PROPOSED.type(), links.alert(alert), false));
        tellOrganisation(event.referralId(), ReferralStatus.PROPOSED, EventType.PLACEMENT_PROPOSED);
        feed.publishAfterCommit(changed);
    }

    /** Placement matches the referral again (after a coordinator's decision): the decision is taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSearching(PlacementSearching event) {
        feed.publishAfterCommit(resolve(event.referralId(), AlertKind.NO_SHOW, AlertKind.POSSIBLE_DUPLICATE));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onDecided(EventType type, PlacementDecided event) {
        AlertStatus status = switch (type) {
            case PLACEMENT_ACCEPTED -> AlertStatus.ACCEPTED;
            case PLACEMENT_DECLINED -> AlertStatus.DECLINED;
            case PLACEMENT_EXPIRED -> AlertStatus.EXPIRED;
            case PLACEMENT_CANCELLED -> AlertStatus.CANCELLED;
            case PLACEMENT_ARRIVED -> AlertStatus.ARRIVED;
            case PLACEMENT_NO_SHOW -> AlertStatus.NO_SHOW;
            default -> throw new IllegalArgumentException(type.name());
        };
        // an older producer's cancellation names no cause: it followed a withdrawal
        Cancellation cause = type != EventType.PLACEMENT_CANCELLED
                ? null
                : event.cancellation() == null ? Cancellation.REFERRAL_WITHDRAWN : event.cancellation();
        Alert alert = Alert.<Alert>find("placementId = ?1 and kind = ?2", event.placementId(), AlertKind.PROPOSAL)
                .firstResult();
        List<AlertView> changed = new ArrayList<>();
        boolean moved = alert == null || alert.status != status;
        if (alert != null && moved) {
            alert.status = status;
            alert.updatedAt = Instant.now();
            deliveries.enqueue(
                    OwnerType.SHELTER,
                    alert.shelterId.toString(),
                    alert.id,
                    alert.referralId,
                    type.type(),
                    AlertMessages.statusChange(alert, type.type(), cause, links.alert(alert)));
            changed.add(AlertView.of(alert));
        }
        switch (type) {
            case PLACEMENT_ACCEPTED -> tellOrganisation(event.referralId(), ReferralStatus.ACCEPTED, type);
            case PLACEMENT_ARRIVED -> tellOrganisation(event.referralId(), ReferralStatus.ARRIVED, type);
            case PLACEMENT_DECLINED, PLACEMENT_EXPIRED -> {
                // with parallel offers another shelter may still hold a place: the referral is still PROPOSED
                if (!anotherProposalLive(event.referralId(), event.placementId())) {
                    tellOrganisation(event.referralId(), ReferralStatus.SEARCHING, type);
                }
            }
            case PLACEMENT_NO_SHOW -> {
                if (moved) {
                    noShow(event, alert).ifPresent(changed::add);
                }
                tellOrganisation(event.referralId(), ReferralStatus.NO_SHOW, type);
            }
            case PLACEMENT_CANCELLED -> {
                if (cause == Cancellation.BACKED_OUT) {
                    if (moved) {
                        tellCoordinatorsOfBackOut(event, alert);
                    }
                    tellOrganisation(event.referralId(), ReferralStatus.SEARCHING, type);
                }
                // REFERRAL_WITHDRAWN: the organisation hears of the withdrawal itself; OFFER_TAKEN: another shelter
                // accepted, which it heard; REPLACED: the coordination's own placement tells it
            }
            default -> throw new IllegalArgumentException(type.name());
        }
        feed.publishAfterCommit(changed);
    }

    /** The person did not arrive: coordinators decide (match again or close), in the web application and on their channels. */
    private Optional<AlertView> noShow(PlacementDecided event, Alert proposal) {
        if (Alert.count("placementId = ?1 and kind = ?2", event.placementId(), AlertKind.NO_SHOW) > 0) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        ReferralOrigin origin = ReferralOrigin.findById(event.referralId());
        Alert alert = coordinatorAlert(
                AlertKind.NO_SHOW,
                event.referralId(),
                proposal != null ? proposal.pseudonym : origin != null ? origin.pseudonym : pseudonym(null),
                proposal != null ? proposal.urgency : origin != null ? origin.urgency : Urgency.IMMEDIATE,
                now);
        alert.placementId = event.placementId();
        alert.shelterId = event.shelterId();
        if (proposal != null) {
            alert.household = proposal.household;
            alert.needs = proposal.needs;
            alert.languages = proposal.languages;
            alert.arrivalFrom = proposal.arrivalFrom;
            alert.arrivalUntil = proposal.arrivalUntil;
        }
        alert.persist();
        String type = EventType.PLACEMENT_NO_SHOW.type();
        deliveries.enqueue(
                OwnerType.COORDINATION,
                OwnerType.COORDINATION_ID,
                alert.id,
                alert.referralId,
                type,
                AlertMessages.noShow(alert, type, event.at() == null ? now : event.at(), links.alert(alert)));
        return Optional.of(AlertView.of(alert));
    }

    /** A shelter backed out after accepting: coordinators hear it on their channels while placement matches again. */
    private void tellCoordinatorsOfBackOut(PlacementDecided event, Alert proposal) {
        ReferralOrigin origin = ReferralOrigin.findById(event.referralId());
        String type = EventType.PLACEMENT_CANCELLED.type();
        deliveries.enqueue(
                OwnerType.COORDINATION,
                OwnerType.COORDINATION_ID,
                proposal == null ? null : proposal.id,
                event.referralId(),
                type,
                AlertMessages.backedOut(
                        proposal == null ? null : proposal.id,
                        event.referralId(),
                        event.placementId(),
                        event.shelterId(),
                        proposal != null ? proposal.pseudonym : origin != null ? origin.pseudonym : pseudonym(null),
                        proposal != null ? proposal.urgency : origin != null ? origin.urgency : null,
                        declineReason(event.reason()),
                        type,
                        event.at() == null ? Instant.now() : event.at(),
                        links.coordination()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onNoMatch(PlacementNoMatch event) {
        List<AlertView> changed =
                new ArrayList<>(resolve(event.referralId(), AlertKind.NO_SHOW, AlertKind.POSSIBLE_DUPLICATE));
        boolean alreadyOpen = Alert.count(
                        "referralId = ?1 and kind = ?2 and status in ?3",
                        event.referralId(),
                        AlertKind.NO_MATCH,
                        AlertStatus.ACTIVE)
                > 0;
        if (!alreadyOpen) {
            Instant now = Instant.now();
            Alert alert = coordinatorAlert(
                    AlertKind.NO_MATCH, event.referralId(), pseudonym(event.pseudonym()), event.urgency(), now);
            alert.ackDueAt = now.plus(config.noMatchEscalation());
            alert.persist();
            deliveries.enqueue(
                    OwnerType.COORDINATION,
                    OwnerType.COORDINATION_ID,
                    alert.id,
                    alert.referralId,
                    EventType.PLACEMENT_NO_MATCH.type(),
                    AlertMessages.noMatch(
                            alert,
                            EventType.PLACEMENT_NO_MATCH.type(),
                            event.sheltersConsidered(),
                            links.coordination()));
            tellOrganisation(event.referralId(), ReferralStatus.NO_MATCH, EventType.PLACEMENT_NO_MATCH);
            changed.add(AlertView.of(alert));
        }
        feed.publishAfterCommit(changed);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onWithdrawn(ReferralWithdrawn event) {
        List<Alert> active = Alert.list("referralId = ?1 and status in ?2", event.referralId(), AlertStatus.ACTIVE);
        List<AlertView> changed = new ArrayList<>();
        for (Alert alert : active) {
            alert.status = AlertStatus.WITHDRAWN;
            alert.updatedAt = Instant.now();
            if (alert.kind.forShelter()) {
                deliveries.enqueue(
                        OwnerType.SHELTER,
                        alert.shelterId.toString(),
                        alert.id,
                        alert.referralId,
                        EventType.REFERRAL_WITHDRAWN.type(),
                        AlertMessages.statusChange(alert, EventType.REFERRAL_WITHDRAWN.type(), links.alert(alert)));
            }
            changed.add(AlertView.of(alert));
        }
        tellOrganisation(event.referralId(), ReferralStatus.WITHDRAWN, EventType.REFERRAL_WITHDRAWN);
        feed.publishAfterCommit(changed);
    }

    /** The shelter team (or a coordinator) has seen the alert. Idempotent; audited every time. */
    @Transactional
    public AlertView acknowledge(UUID alertId, Viewer viewer) {
        Alert alert = visible(alertId, viewer);
        audit.record("alert.acknowledge", "alert", alertId);
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
        outbox.publish(
                EventType.ALERT_ACKNOWLEDGED, new AlertAcknowledged(alert.id, alert.referralId, alert.shelterId, now));
        AlertView view = AlertView.of(alert);
        feed.publishAfterCommit(List.of(view));
        return view;
    }

    /**
     * Alerts nobody acknowledged in time, escalated once: a proposal is re-sent to the shelter and escalated to
     * coordinators; a no-match is delivered again to the coordination channels. Rows are claimed
     * {@code FOR UPDATE SKIP LOCKED}, so replicas do not escalate the same alert twice.
     */
    @Transactional
    public int escalateDue() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Alert> due = Alert.getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM alert WHERE kind IN ('PROPOSAL', 'NO_MATCH') AND status = 'OPEN'"
                                + " AND acknowledged_at IS NULL AND escalated_at IS NULL AND ack_due_at <= :now"
                                + " ORDER BY ack_due_at LIMIT 100 FOR UPDATE SKIP LOCKED",
                        Alert.class)
                .setParameter("now", now)
                .getResultList();
        List<AlertView> changed = new ArrayList<>();
        String type = EventType.ALERT_ESCALATED.type();
        for (Alert alert : due) {
            alert.status = AlertStatus.ESCALATED;
            alert.escalatedAt = now;
            alert.updatedAt = now;
            AlertMessages.Escalation escalation = AlertMessages.escalation(
                    alert, type, alert.kind == AlertKind.PROPOSAL ? links.coordination() : links.alert(alert));
            if (alert.kind == AlertKind.PROPOSAL) {
                deliveries.enqueue(
                        OwnerType.SHELTER,
                        alert.shelterId.toString(),
                        alert.id,
                        alert.referralId,
                        type,
                        AlertMessages.proposal(alert, type, links.alert(alert), true));
            }
            deliveries.enqueue(
                    OwnerType.COORDINATION, OwnerType.COORDINATION_ID, alert.id, alert.referralId, type, escalation);
            outbox.publish(
                    EventType.ALERT_ESCALATED,
                    new AlertEscalated(alert.id, alert.referralId, alert.shelterId, escalation.reason(), now));
            changed.add(AlertView.of(alert));
        }
        if (!changed.isEmpty()) {
            LOG.infof("escalated %d unacknowledged alert(s)", changed.size());
            feed.publishAfterCommit(changed);
        }
        return changed.size();
    }

    /** A live stream of alerts opens: audited once, for what it will show. */
    @Transactional
    public void streamOpened(Viewer viewer) {
        if (viewer.coordinator()) {
            audit.record("alert.stream", "alert-list", "all");
        } else if (viewer.organisationId().isPresent()) {
            audit.record("alert.stream", "organisation", viewer.organisationId().get());
        } else {
            audit.record(
                    "alert.stream",
                    "shelter",
                    viewer.shelterId().map(UUID::toString).orElse("none"));
        }
    }

    /** One alert, audited. */
    @Transactional
    public AlertView get(UUID alertId, Viewer viewer) {
        Alert alert = visible(alertId, viewer);
        audit.record("alert.read", "alert", alertId);
        return AlertView.of(alert);
    }

    /** Another shelter's alert, or a coordinators' alert, is answered like a missing one. */
    private Alert visible(UUID alertId, Viewer viewer) {
        Alert alert = Alert.findById(alertId);
        if (alert == null || !viewer.canSee(alert)) {
            throw ProblemException.notFound("Alert");
        }
        return alert;
    }

    private Alert coordinatorAlert(AlertKind kind, UUID referralId, String pseudonym, Urgency urgency, Instant now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.kind = kind;
        alert.status = AlertStatus.OPEN;
        alert.referralId = referralId;
        alert.pseudonym = pseudonym;
        // unknown (events missed): treated as the most urgent
        alert.urgency = urgency == null ? Urgency.IMMEDIATE : urgency;
        alert.createdAt = now;
        alert.updatedAt = now;
        return alert;
    }

    /** The referral moved on: its coordinators' alerts of these kinds are resolved. */
    private List<AlertView> resolve(UUID referralId, AlertKind... kinds) {
        List<Alert> open = Alert.list(
                "referralId = ?1 and kind in ?2 and status in ?3", referralId, List.of(kinds), AlertStatus.ACTIVE);
        Instant now = Instant.now();
        open.forEach(a -> {
            a.status = AlertStatus.RESOLVED;
            a.updatedAt = now;
        });
        return open.stream().map(AlertView::of).toList();
    }

    /** Whether another shelter still holds (or was given) a place for this referral: parallel offers. */
    private static boolean anotherProposalLive(UUID referralId, UUID placementId) {
        List<AlertStatus> live = new ArrayList<>(AlertStatus.ACTIVE);
        live.add(AlertStatus.ACCEPTED);
        return Alert.count(
                        "referralId = ?1 and kind = ?2 and placementId <> ?3 and status in ?4",
                        referralId,
                        AlertKind.PROPOSAL,
                        placementId,
                        live)
                > 0;
    }

    /** A back-out's reason code; a code this version does not know yet counts as OTHER. */
    static DeclineReason declineReason(String code) {
        if (code == null) {
            return null;
        }
        try {
            return DeclineReason.valueOf(code);
        } catch (IllegalArgumentException e) {
            return DeclineReason.OTHER;
        }
    }

    private static String pseudonym(String pseudonym) {
        return pseudonym == null || pseudonym.isBlank() ? "R-?" : pseudonym;
    }

    /**
     * The referring organisation hears the referral's status, never which shelter; the same status twice (two
     * parallel proposals, an event seen again) is told once.
     */
    private void tellOrganisation(UUID referralId, ReferralStatus status, EventType type) {
        ReferralOrigin origin = ReferralOrigin.findById(referralId);
        if (origin == null || origin.status == status) {
            return;
        }
        Instant now = Instant.now();
        origin.status = status;
        origin.updatedAt = now;
        feed.referralChangedAfterCommit(referralId);
        deliveries.enqueue(
                OwnerType.ORGANISATION,
                origin.organisationId,
                null,
                referralId,
                type.type(),
                AlertMessages.referralStatus(referralId, origin.pseudonym, status, type.type(), now));
    }
}
