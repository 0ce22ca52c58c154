package org.acse.intake.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.DangerZone;
import org.acse.common.events.EventType;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.ReferralSubmitted;
import org.acse.platform.outbox.Outbox;

@ApplicationScoped
public class ReferralService {
    static final int DEFAULT_MIN_DISTANCE_KM = 200;

    @Inject
    Outbox outbox;

    @Transactional
    public SubmittedReferral submit(ReferralRequest request, String organisationId) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.organisationId = organisationId;
        referral.pseudonym = Pseudonyms.next();
        referral.status = ReferralStatus.SUBMITTED;
        referral.urgency = request.urgency();
        referral.household = new Household(request.gender(), request.age(),
                request.children() == null ? List.of() : request.children().stream().map(ReferralRequest.Child::age).toList());
        ReferralRequest.Needs n = request.needs();
        referral.needs = n == null ? Needs.NONE
                : new Needs(n.wheelchairAccess(), n.psychologicalSupport(), n.medicalCare(), n.interpreter());
        referral.languages = request.languages() == null ? List.of() : request.languages();
        referral.dangerZones = request.dangerZones().stream()
                .map(z -> new DangerZone(z.communeCode(), z.departmentCode(), z.lat(), z.lon(), z.radiusKm())).toList();
        referral.currentCommuneCode = request.currentLocation().communeCode();
        referral.minDistanceKm = request.minDistanceKm() == null ? DEFAULT_MIN_DISTANCE_KM : request.minDistanceKm();
        referral.submittedAt = Instant.now();
        referral.updatedAt = referral.submittedAt;
        referral.persist();
        outbox.publish(EventType.REFERRAL_SUBMITTED, new ReferralSubmitted(referral.id, referral.pseudonym,
                organisationId, referral.household, referral.needs, referral.languages, referral.urgency,
                referral.dangerZones, referral.currentCommuneCode, referral.minDistanceKm, referral.submittedAt));
        return new SubmittedReferral(referral.id, referral.status, referral.pseudonym);
    }
}
