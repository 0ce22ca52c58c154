package org.acse.intake.crypto;

import io.smallrye.config.ConfigMapping;

/**
 * The HMAC key (base64, at least 32 bytes) of the duplicate fingerprint: separate from the encryption keys, which
 * the platform's cipher reads under the same prefix.
 */
@ConfigMapping(prefix = "acse.crypto")
public interface CryptoConfig {
    String duplicateKey();
}
