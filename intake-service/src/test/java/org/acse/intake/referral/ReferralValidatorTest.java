package org.acse.intake.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.acse.common.events.Gender;
import org.acse.common.events.Urgency;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The rules on plain records, without Quarkus. The REST tests cover the same rules end to end. */
class ReferralValidatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    private static final Validator FIELDS = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    private final ReferralValidator validator = new ReferralValidator(FIELDS, CLOCK, 200);

    private static ReferralRequest request(
            LocalDate birthDate, Integer age, Integer minDistanceKm, List<ReferralRequest.DangerZone> zones) {
        return request(birthDate, age, minDistanceKm, zones, null);
    }

    private static ReferralRequest request(
            LocalDate birthDate,
            Integer age,
            Integer minDistanceKm,
            List<ReferralRequest.DangerZone> zones,
            String preferredScheme) {
        return new ReferralRequest(
                new ReferralRequest.Person("A", "B", birthDate, "FR", null),
                Gender.FEMALE,
                null,
                age,
                List.of(),
                List.of("fr", "ara"),
                null,
                List.of(),
                zones,
                new ReferralRequest.Location("06088"),
                Urgency.IMMEDIATE,
                minDistanceKm,
                new ReferralRequest.Consent(true, null),
                null,
                preferredScheme);
    }

    @Test
    void aPreferredSchemeIsCheckedForItsShapeOnly() {
        for (String good : List.of("DESTINY", "destiny", "AC-SE_2", "D9")) {
            assertThat(validator.validate(request(null, 30, null, nice(), good), false))
                    .isEqualTo(30);
        }
        for (String bad : List.of("D", "", " DESTINY", "DEST INY", "-DESTINY", "A".repeat(17), "DÉSTINY")) {
            assertThatThrownBy(() -> validator.validate(request(null, 30, null, nice(), bad), false))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.toProblem().errors())
                                .extracting(FieldError::field)
                                .containsExactly("preferredScheme");
                    });
        }
    }

    private static List<ReferralRequest.DangerZone> nice() {
        return List.of(new ReferralRequest.DangerZone("06088", null, null, null, null));
    }

    @Test
    void theAgeComesFromTheBirthDate() {
        assertThat(validator.validate(request(LocalDate.of(2008, 6, 15), null, null, nice()), false))
                .isEqualTo(18);
    }

    @Test
    void aMinorByOneDayIsRefusedWith422() {
        assertThatThrownBy(() -> validator.validate(request(LocalDate.of(2008, 6, 16), null, null, nice()), false))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.toProblem().detail()).contains("child protection");
                });
    }

    @Test
    void thePolicyDistanceBindsPartnersNotCoordinators() {
        ReferralRequest closer = request(null, 30, 120, nice());
        assertThat(validator.validate(closer, true)).isEqualTo(30);
        assertThatThrownBy(() -> validator.validate(closer, false))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.toProblem().errors())
                                .extracting(FieldError::field)
                                .containsExactly("minDistanceKm"));
    }

    @Test
    void zonesAreCheckedAgainstTheGazetteer() {
        List<ReferralRequest.DangerZone> zones = List.of(
                new ReferralRequest.DangerZone(null, "2A", null, null, null),
                new ReferralRequest.DangerZone(null, "2C", null, null, null),
                new ReferralRequest.DangerZone(null, null, 43.7, 7.2, -1.0));
        assertThatThrownBy(() -> validator.validate(request(null, 30, null, zones), false))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.toProblem().errors())
                                .extracting(FieldError::field)
                                .containsExactly("dangerZones[1].departmentCode", "dangerZones[2].radiusKm"));
    }
}
