package org.acse.intake.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/**
 * Keys protecting personal data at rest. Encryption always uses {@code activeKeyId}; every key listed can still
 * decrypt, so keys rotate by adding the new key, switching {@code activeKeyId}, and keeping the old one until no row
 * uses it. In production they come from a secret (environment), never from the repository.
 */
@ConfigMapping(prefix = "acse.crypto")
public interface CryptoConfig {
    /** The id of the key new ciphertexts are made with. */
    String activeKeyId();

    /** Every usable AES-256 key as {@code id:base64(32 bytes)}. */
    List<String> keys();

    /** The HMAC key (base64, at least 32 bytes) of the duplicate fingerprint: separate from the encryption keys. */
    String duplicateKey();
}
