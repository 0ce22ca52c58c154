package org.acse.placement.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.acse.placement.referral.Referral;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.Sealed;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;

/**
 * The journey's arrangements: the meeting point is sealed here and opened only for the referring organisation and
 * coordinators (every read audited); the shelter that gave it and everyone else never read it back. Erased, with the
 * comments, once the referral has been closed for {@code acse.decision.retention.after-closed} (by the retention job).
 */
@ApplicationScoped
public class Arrangements {
    @Inject
    FieldCipher cipher;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** A missing or malformed key fails the start, not the first acceptance. */
    void checkKey(@Observes StartupEvent start, FieldCipher cipher) {}

    void seal(Placement p, Arrangement.MeetingPoint point) {
        try {
            Sealed sealed = cipher.seal(json.writeValueAsBytes(point), aad(p.id, "meeting-point"));
            p.meetingPointCiphertext = sealed.ciphertext();
            p.meetingPointKeyId = sealed.keyId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sealComment(Placement p, String comment) {
        if (comment == null || comment.isBlank()) {
            return;
        }
        Sealed sealed = cipher.seal(comment.getBytes(StandardCharsets.UTF_8), aad(p.id, "comment"));
        p.commentCiphertext = sealed.ciphertext();
        p.commentKeyId = sealed.keyId();
    }

    /** The arrival arrangements of the referral's accepted (or arrived) placement; 404 for anyone else. */
    @Transactional
    public Arrangement.View read(UUID referralId) {
        Referral referral = Referral.findById(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        caller.requireOrganisationAccess(referral.organisationId, "Referral");
        Placement given = Placement.givenOf(referralId).orElseThrow(() -> ProblemException.notFound("Arrival"));
        Arrangement.MeetingPoint point = null;
        if (given.meetingPointCiphertext != null) {
            byte[] clear = cipher.open(
                    new Sealed(given.meetingPointKeyId, given.meetingPointCiphertext), aad(given.id, "meeting-point"));
            try {
                point = json.readValue(clear, Arrangement.MeetingPoint.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        audit.record("placement.arrival.read", "referral", referralId);
        return new Arrangement.View(
                given.status, new Arrangement.ExpectedArrival(given.arrivalFrom, given.arrivalUntil), point);
    }

    /**
     * Erases the meeting points and comments of placements whose referral closed (arrived or withdrawn) before
     * {@code closedBefore}: they go with the referral's personal data.
     *
     * @return how many placements were erased
     */
    @Transactional
    public int eraseClosedBefore(Instant closedBefore) {
        return Placement.getEntityManager()
                .createNativeQuery("""
                UPDATE placement p SET meeting_point_ciphertext = NULL, meeting_point_key_id = NULL,
                       comment_ciphertext = NULL, comment_key_id = NULL
                  FROM referral r
                 WHERE p.referral_id = r.id AND r.status IN ('ARRIVED', 'WITHDRAWN') AND r.updated_at < :before
                   AND (p.meeting_point_ciphertext IS NOT NULL OR p.comment_ciphertext IS NOT NULL)""")
                .setParameter("before", closedBefore)
                .executeUpdate();
    }

    static String aad(UUID placementId, String field) {
        return "placement:" + placementId + ":" + field;
    }
}
