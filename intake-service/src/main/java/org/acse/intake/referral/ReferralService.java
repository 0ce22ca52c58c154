package org.acse.intake.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.ReferralErased;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.intake.crypto.BodyFingerprint;
import org.acse.intake.crypto.DuplicateFingerprint;
import org.acse.intake.figures.ReferralFigures;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.Sealed;
import org.acse.platform.outbox.Outbox;
import org.acse.platform.page.Filter;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;

/** Submits, shows, lists, withdraws and erases referrals; releases the identity to those entitled to it. */
@ApplicationScoped
public class ReferralService {
    static final String ORGANISATION_OF_COORDINATORS = "coordination";
    /** The target of a coordinator's list in the audit log: every organisation. */
    static final String ALL_ORGANISATIONS = "*";

    private static final List<ReferralStatus> CLOSED = List.of(ReferralStatus.ARRIVED, ReferralStatus.WITHDRAWN);

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    ReferralFigures figures;

    @Inject
    Caller caller;

    @Inject
    FieldCipher cipher;

    @Inject
    DuplicateFingerprint fingerprints;

    @Inject
    BodyFingerprint bodies;

    @Inject
    IntakeConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    PersonalDataErasure personalData;

    /** The answer to a submission and whether it replays an earlier one (same Idempotency-Key and body). */
    public record Submission(SubmittedReferral referral, boolean replayed) {}

    @Transactional
    public Submission submit(ReferralReader.Body body, int age, String idempotencyKey) {
        ReferralRequest request = body.request();
        String organisationId = caller.isCoordinator()
                ? caller.organisationId().orElse(ORGANISATION_OF_COORDINATORS)
                : caller.requireOrganisation();
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            String scope = caller.isCoordinator() ? "coordinator:" + caller.subject() : "org:" + organisationId;
            Optional<SubmittedReferral> earlier = claimKey(scope, idempotencyKey, bodies.of(body.canonicalJson()), id);
            if (earlier.isPresent()) {
                return new Submission(earlier.get(), true);
            }
        }
        Instant now = Instant.now();
        Referral referral = new Referral();
        referral.id = id;
        referral.organisationId = organisationId;
        referral.pseudonym = Pseudonyms.next();
        referral.status = ReferralStatus.SUBMITTED;
        referral.urgency = request.urgency();
        referral.household = new Household(
                request.gender(),
                age,
                request.children() == null
                        ? List.of()
                        : request.children().stream()
                                .map(ReferralRequest.Child::age)
                                .toList());
        ReferralRequest.Needs n = request.needs();
        referral.needs = n == null
                ? Needs.NONE
                : new Needs(
                        Boolean.TRUE.equals(n.wheelchairAccess()),
                        Boolean.TRUE.equals(n.psychologicalSupport()),
                        Boolean.TRUE.equals(n.medicalCare()),
                        Boolean.TRUE.equals(n.interpreter()));
        referral.languages = request.languages() == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.languages().stream()
                        .map(l -> l.toLowerCase(Locale.ROOT))
                        .toList()));
        referral.exploitation = request.exploitation() == null ? List.of() : List.copyOf(request.exploitation());
        referral.dangerZones =
                request.dangerZones().stream().map(CoarseZones::of).toList();
        referral.currentCommuneCode = request.currentLocation().communeCode();
        referral.minDistanceKm =
                request.minDistanceKm() == null ? config.policyMinDistanceKm() : request.minDistanceKm();
        referral.consentRecordedAt =
                request.consent().recordedAt() == null ? now : request.consent().recordedAt();
        referral.submittedAt = now;
        referral.updatedAt = now;

        ReferralRequest.Person p = request.person();
        ReferralView.PersonData person = new ReferralView.PersonData(
                p.firstName().strip(),
                p.lastName().strip(),
                p.birthDate() != null ? p.birthDate() : request.birthDate(),
                p.nationality() == null ? null : p.nationality().toUpperCase(Locale.ROOT),
                p.phone());
        Sealed identity = cipher.seal(toJson(person), aad(id, "identity"));
        referral.identityCiphertext = identity.ciphertext();
        referral.identityKeyId = identity.keyId();
        if (request.notes() != null && !request.notes().isBlank()) {
            Sealed notes = cipher.seal(request.notes().getBytes(StandardCharsets.UTF_8), aad(id, "notes"));
            referral.notesCiphertext = notes.ciphertext();
            referral.notesKeyId = notes.keyId();
        }
        referral.duplicateFingerprint = fingerprints
                .of(person.firstName(), person.lastName(), person.birthDate())
                .orElse(null);
        if (referral.duplicateFingerprint != null) {
            referral.possibleDuplicateOf = Referral.<Referral>find(
                            "duplicateFingerprint = ?1 and status not in ?2",
                            Sort.by("submittedAt").and("id"),
                            referral.duplicateFingerprint,
                            CLOSED)
                    .firstResultOptional()
                    .map(r -> r.id)
                    .orElse(null);
        }
        referral.persist();
        String scheme = request.preferredScheme() == null
                ? null
                : request.preferredScheme().toUpperCase(Locale.ROOT);
        figures.submitted(now, referral.currentCommuneCode, referral.urgency, scheme, referral.exploitation);
        timeline(referral.id, ReferralStatus.SUBMITTED, now);
        outbox.publish(
                EventType.REFERRAL_SUBMITTED,
                new ReferralSubmitted(
                        referral.id,
                        referral.pseudonym,
                        organisationId,
                        referral.household,
                        referral.needs,
                        referral.languages,
                        referral.urgency,
                        referral.dangerZones,
                        referral.currentCommuneCode,
                        referral.minDistanceKm,
                        referral.submittedAt,
                        referral.possibleDuplicateOf,
                        scheme));
        audit.record("referral.submit", "referral", referral.id);
        return new Submission(new SubmittedReferral(referral.id, ReferralStatus.SUBMITTED, referral.pseudonym), false);
    }

    /**
     * Claims the key for this request in the current transaction. A concurrent request with the same key waits on
     * the key's row until this transaction ends, then sees it. Returns the earlier answer if the key was used.
     */
    private Optional<SubmittedReferral> claimKey(String scope, String key, String requestHash, UUID referralId) {
        Instant now = Instant.now();
        int claimed = entityManager
                .createNativeQuery("INSERT INTO idempotency_key"
                        + " (scope, idempotency_key, request_hash, referral_id, created_at) VALUES (:s, :k, :h, :r, :now)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("s", scope)
                .setParameter("k", key)
                .setParameter("h", requestHash)
                .setParameter("r", referralId)
                .setParameter("now", now)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) entityManager
                .createNativeQuery("SELECT request_hash, referral_id, created_at"
                        + " FROM idempotency_key WHERE scope = :s AND idempotency_key = :k FOR UPDATE")
                .setParameter("s", scope)
                .setParameter("k", key)
                .getSingleResult();
        Instant createdAt = toInstant(row[2]);
        if (createdAt.isBefore(now.minus(config.idempotencyKeyTtl()))) {
            // Expired but not yet purged: the key starts afresh.
            entityManager
                    .createNativeQuery("UPDATE idempotency_key SET request_hash = :h, referral_id = :r,"
                            + " created_at = :now WHERE scope = :s AND idempotency_key = :k")
                    .setParameter("s", scope)
                    .setParameter("k", key)
                    .setParameter("h", requestHash)
                    .setParameter("r", referralId)
                    .setParameter("now", now)
                    .executeUpdate();
            return Optional.empty();
        }
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(
                    409,
                    "idempotency-key-reused",
                    "Conflict",
                    "This Idempotency-Key was already used with a different request body.",
                    List.of(new FieldError("Idempotency-Key", "already used with a different body")));
        }
        Referral earlier = Referral.findById(row[1]);
        return Optional.of(new SubmittedReferral(earlier.id, ReferralStatus.SUBMITTED, earlier.pseudonym));
    }

    @Transactional
    public ReferralView get(UUID id) {
        Referral referral = Referral.findById(id);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        caller.requireOrganisationAccess(referral.organisationId, "Referral");
        audit.record("referral.read", "referral", id);
        return view(referral);
    }

    /**
     * A page of referrals, newest first: a partner's own, every one for a coordinator, who may also ask for the
     * possible duplicates only. One audit row per request, on the organisation listed ({@code *}: all of them).
     */
    @Transactional
    public Page<ReferralView.Summary> list(String status, Boolean possibleDuplicate, PageRequest page) {
        boolean coordinator = caller.isCoordinator();
        String listed = coordinator ? ALL_ORGANISATIONS : caller.requireOrganisation();
        ReferralStatus wanted = status == null ? null : status(status);
        if (possibleDuplicate != null && !coordinator) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "Only coordinators may list possible duplicates.",
                    List.of(new FieldError("possibleDuplicate", "is for coordinators only")));
        }
        Filter filter = Filter.where()
                .optionalEqual("organisationId", coordinator ? null : listed)
                .optionalEqual("status", wanted)
                .optionalPresence("possibleDuplicateOf", possibleDuplicate);
        Page<ReferralView.Summary> found = Page.of(
                Referral.<Referral>find(
                        filter.query(), Sort.descending("submittedAt").and("id"), filter.params()),
                page,
                r -> new ReferralView.Summary(
                        r.id,
                        r.pseudonym,
                        r.status,
                        r.urgency,
                        r.submittedAt,
                        r.updatedAt,
                        coordinator ? r.possibleDuplicateOf : null));
        audit.record("referral.list", "organisation", listed);
        return found;
    }

    private static ReferralStatus status(String value) {
        try {
            return ReferralStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(ReferralStatus.values()));
        }
    }

    @Transactional
    public ReferralView withdraw(UUID id, ReferralView.Withdrawal withdrawal) {
        if (withdrawal == null) {
            // No body at all: the same answer as a body without a reason.
            throw ProblemException.invalid("reason", "is required");
        }
        String reason = withdrawal.reason();
        Referral referral = Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        caller.requireOrganisationAccess(referral.organisationId, "Referral");
        if (referral.status == ReferralStatus.ARRIVED) {
            throw ProblemException.conflict(
                    "referral-arrived",
                    "The person has arrived at a shelter: the referral can no longer be withdrawn.");
        }
        if (referral.status != ReferralStatus.WITHDRAWN) {
            Sealed sealed = cipher.seal(reason.getBytes(StandardCharsets.UTF_8), aad(id, "withdrawal"));
            referral.withdrawalReasonCiphertext = sealed.ciphertext();
            referral.withdrawalReasonKeyId = sealed.keyId();
            withdrawNow(referral);
        }
        return view(referral);
    }

    /** The search stops; placement releases any hold, notification closes the alerts. */
    private void withdrawNow(Referral referral) {
        Instant now = Instant.now();
        referral.moveTo(ReferralStatus.WITHDRAWN, now);
        outbox.publish(EventType.REFERRAL_WITHDRAWN, new ReferralWithdrawn(referral.id, now));
        audit.record("referral.withdraw", "referral", referral.id);
    }

    /**
     * Right to erasure (ADR 17): withdraws the referral if it is still open, then erases its personal data now as the
     * retention would after the delay, and tells the other services. Erasing an erased referral changes nothing.
     */
    @Transactional
    public ReferralView erase(UUID id, ReferralView.Erasure erasure) {
        if (erasure == null) {
            throw ProblemException.invalid("reason", "is required");
        }
        Referral referral = Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        if (referral.personalDataErasedAt == null) {
            if (!referral.status.isClosed()) {
                withdrawNow(referral);
            }
            referral.erasureReason = erasure.reason();
            entityManager.flush();
            Instant now = Instant.now();
            personalData.referral(id, now);
            entityManager.refresh(referral);
            outbox.publish(EventType.REFERRAL_ERASED, new ReferralErased(id, now));
            audit.record("referral.erase", "referral", id);
        }
        return view(referral);
    }

    /** As {@link IdentityAccess} decides; anyone it refuses gets a 404, as if the referral did not exist. */
    @Transactional
    public ReferralView.Identity identity(UUID id) {
        Referral referral = Referral.findById(id);
        if (referral == null
                || !IdentityAccess.mayRead(
                        new IdentityAccess.Reader(caller.isCoordinator(), caller.isShelterStaff(), caller.shelterId()),
                        referral.state())) {
            throw ProblemException.notFound("Referral");
        }
        if (referral.identityCiphertext == null) {
            throw new ProblemException(
                    410,
                    "personal-data-erased",
                    "Gone",
                    "The personal data of this closed referral was erased under the retention policy.",
                    List.of());
        }
        ReferralView.PersonData person = fromJson(
                cipher.open(new Sealed(referral.identityKeyId, referral.identityCiphertext), aad(id, "identity")));
        String notes = referral.notesCiphertext == null
                ? null
                : new String(
                        cipher.open(new Sealed(referral.notesKeyId, referral.notesCiphertext), aad(id, "notes")),
                        StandardCharsets.UTF_8);
        audit.record("referral.identity.read", "referral", id);
        return new ReferralView.Identity(id, referral.pseudonym, person, notes);
    }

    private ReferralView view(Referral r) {
        List<ReferralView.Step> steps =
                StatusChange.<StatusChange>find("referralId", Sort.by("id"), r.id).list().stream()
                        .map(s -> new ReferralView.Step(s.status, s.at))
                        .toList();
        if (!caller.isCoordinator()) {
            return new ReferralView(
                    r.id,
                    r.pseudonym,
                    r.status,
                    r.urgency,
                    r.submittedAt,
                    r.updatedAt,
                    steps,
                    null,
                    null,
                    null,
                    null,
                    r.personalDataErasedAt != null ? Boolean.TRUE : null);
        }
        List<UUID> duplicates = entityManager
                .createQuery(
                        "select d.id from Referral d"
                                + " where d.possibleDuplicateOf = :id order by d.submittedAt, d.id",
                        UUID.class)
                .setParameter("id", r.id)
                .getResultList();
        return new ReferralView(
                r.id,
                r.pseudonym,
                r.status,
                r.urgency,
                r.submittedAt,
                r.updatedAt,
                steps,
                r.organisationId,
                r.possibleDuplicateOf,
                duplicates,
                r.acceptedShelterId,
                r.personalDataErasedAt != null);
    }

    static void timeline(UUID referralId, ReferralStatus status, Instant at) {
        StatusChange change = new StatusChange();
        change.referralId = referralId;
        change.status = status;
        change.at = at;
        change.persist();
    }

    static String aad(UUID referralId, String field) {
        return "referral:" + referralId + ":" + field;
    }

    private byte[] toJson(ReferralView.PersonData person) {
        try {
            return json.writeValueAsBytes(person);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("identity not serialisable", e);
        }
    }

    private ReferralView.PersonData fromJson(byte[] bytes) {
        try {
            return json.readValue(bytes, ReferralView.PersonData.class);
        } catch (IOException e) {
            throw new IllegalStateException("identity unreadable");
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
