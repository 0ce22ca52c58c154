package org.acse.intake.crypto;

import io.smallrye.config.ConfigMapping;

/**
 * The two HMAC keys (base64, at least 32 bytes each), separate from the encryption keys, which the platform's cipher
 * reads under the same prefix, and from each other.
 */
@ConfigMapping(prefix = "acse.crypto")
public interface CryptoConfig {
    /** Of the duplicate fingerprint (names and birth date). */
    String duplicateKey();

    /** Of the request-body fingerprint kept with an Idempotency-Key. */
    String idempotencyKey();
}
