package org.acse.intake.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateFingerprintTest {
    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void duplicateFingerprintsForgiveSpellingButNotAnotherBirthDate() {
        DuplicateFingerprint fingerprints =
                new DuplicateFingerprint(Base64.getDecoder().decode(key()));
        LocalDate born = LocalDate.of(1990, 5, 6);
        String a = fingerprints.of("Élodie", "N'Guessan", born).orElseThrow();
        assertThat(fingerprints.of("NGUESSAN", "elodie ", born)).contains(a);
        assertThat(fingerprints.of("Elodie", "N'Guessan", born.plusDays(1))).isNotEqualTo(Optional.of(a));
        assertThat(fingerprints.of("Elodie", "N'Guessan", null)).isEmpty();
        assertThat(a).doesNotContain("lodie").hasSize(64);
        // Keyed: another key gives another fingerprint.
        assertThat(new DuplicateFingerprint(Base64.getDecoder().decode(key())).of("Élodie", "N'Guessan", born))
                .isNotEqualTo(Optional.of(a));
    }

    @Test
    void theBodyFingerprintHasItsOwnKey() {
        byte[] duplicateKey = Base64.getDecoder().decode(key());
        byte[] idempotencyKey = Base64.getDecoder().decode(key());
        BodyFingerprint bodies = new BodyFingerprint(idempotencyKey);
        String body = "{\"firstName\":\"Élodie\"}";
        assertThat(bodies.of(body)).hasSize(64).isEqualTo(new BodyFingerprint(idempotencyKey).of(body));
        assertThat(bodies.of(body)).isNotEqualTo(new BodyFingerprint(duplicateKey).of(body));
        assertThat(bodies.of(body + " ")).isNotEqualTo(bodies.of(body));
    }
}
