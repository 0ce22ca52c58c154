package org.acse.web.api;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the services answer, as this application reads it (unknown fields ignored). */
public final class Views {
    private Views() {}

    @TemplateData
    public record Page<T>(List<T> items, int page, int size, long total) {}

    @TemplateData
    public record ReferralSummary(
            UUID id, String pseudonym, String status, String urgency, Instant submittedAt, Instant updatedAt) {}

    @TemplateData
    public static final class ReferralPage {
        public List<ReferralSummary> items = List.of();
        public int page;
        public int size;
        public long total;
    }

    @TemplateData
    public record Step(String status, Instant at) {}

    @TemplateData
    public record Referral(
            UUID id,
            String pseudonym,
            String status,
            String urgency,
            Instant submittedAt,
            Instant updatedAt,
            List<Step> timeline,
            String organisationId,
            UUID possibleDuplicateOf,
            UUID acceptedShelterId,
            Boolean personalDataErased) {
        /** Erased on request or by the retention (ADR 17): nothing personal is left to show or to act on. */
        public boolean erased() {
            return Boolean.TRUE.equals(personalDataErased);
        }
    }

    @TemplateData
    public record Submitted(UUID id, String status, String pseudonym) {}

    @TemplateData
    public record Person(String firstName, String lastName, String birthDate, String nationality, String phone) {}

    @TemplateData
    public record Identity(UUID referralId, String pseudonym, Person person, String notes) {}

    @TemplateData
    public record Placement(
            UUID id,
            UUID referralId,
            UUID shelterId,
            UUID unitId,
            String status,
            Instant holdExpiresAt,
            boolean manual,
            String declineReason,
            Instant createdAt,
            Instant decidedAt) {}

    @TemplateData
    public static final class PlacementPage {
        public List<Placement> items = List.of();
        public long total;
    }

    @TemplateData
    public record Household(String gender, int adultAge, List<Integer> childrenAges) {}

    @TemplateData
    public record Needs(
            boolean wheelchairAccess, boolean psychologicalSupport, boolean medicalCare, boolean interpreter) {}

    @TemplateData
    public record Alert(
            UUID id,
            String kind,
            String status,
            UUID referralId,
            UUID placementId,
            UUID shelterId,
            String pseudonym,
            Household household,
            Needs needs,
            List<String> languages,
            String urgency,
            Instant arrivalFrom,
            Instant arrivalUntil,
            Instant holdExpiresAt,
            Instant createdAt,
            UUID relatedReferralId) {}

    @TemplateData
    public static final class AlertPage {
        public List<Alert> items = List.of();
        public long total;
    }

    @TemplateData
    public record Score(double total) {}

    @TemplateData
    public record Verdict(
            UUID shelterId,
            String shelterCode,
            boolean eligible,
            Integer rank,
            String exclusion,
            UUID unitId,
            Score score) {}

    @TemplateData
    /** {@code excluded}: how many shelters each hard constraint excluded; {@code shelters}: the first verdicts. */
    public record Explanation(
            UUID referralId,
            int sheltersConsidered,
            int eligible,
            Map<String, Integer> excluded,
            List<Verdict> shelters) {}
}
