package org.acse.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static final String OLD = "k1:" + key();
    private static final String NEW = "k2:" + key();

    @Test
    void sealsWithTheActiveKeyAndOpensWithTheKeyNamedInTheCiphertext() {
        FieldCipher before = FieldCipher.of("k1", List.of(OLD));
        Sealed sealed = before.seal("Amara".getBytes(StandardCharsets.UTF_8), "referral:1:identity");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("Amara");

        // After rotation, new data uses k2 and old data still opens with k1.
        FieldCipher after = FieldCipher.of("k2", List.of(NEW, OLD));
        assertThat(after.seal(new byte[] {1}, "x").keyId()).isEqualTo("k2");
        assertThat(after.open(sealed, "referral:1:identity")).isEqualTo("Amara".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCiphertextMovedToAnotherRowOrTamperedWithDoesNotOpen() {
        FieldCipher cipher = FieldCipher.of("k1", List.of(OLD));
        Sealed sealed = cipher.seal("secret".getBytes(StandardCharsets.UTF_8), "referral:1:identity");
        assertThatThrownBy(() -> cipher.open(sealed, "referral:2:identity")).isInstanceOf(IllegalStateException.class);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(new Sealed("k1", tampered), "referral:1:identity"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoSealsOfTheSameValueDiffer() {
        FieldCipher cipher = FieldCipher.of("k1", List.of(OLD));
        assertThat(cipher.seal(new byte[] {1, 2}, "a").ciphertext())
                .isNotEqualTo(cipher.seal(new byte[] {1, 2}, "a").ciphertext());
    }

    @Test
    void badConfigurationFailsAtStart() {
        assertThatThrownBy(() -> FieldCipher.of("k9", List.of(OLD))).hasMessageContaining("k9");
        assertThatThrownBy(() ->
                        FieldCipher.of("k1", List.of("k1:" + Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("256");
    }
}
