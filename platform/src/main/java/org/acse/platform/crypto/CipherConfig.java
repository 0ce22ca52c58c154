package org.acse.platform.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Keys protecting personal and confidential fields at rest, for the services that store some. Encryption always
 * uses {@code activeKeyId}; every key listed can still decrypt, so keys rotate by adding the new key, switching
 * {@code activeKeyId}, and keeping the old one until no row uses it. In production they come from a secret
 * (environment), never from the repository. Optional here, because a service without such fields has no keys.
 */
@ConfigMapping(prefix = "acse.crypto")
public interface CipherConfig {
    /** The id of the key new ciphertexts are made with. */
    Optional<String> activeKeyId();

    /** Every usable AES-256 key as {@code id:base64(32 bytes)}. */
    Optional<List<String>> keys();
}
