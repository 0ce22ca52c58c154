package org.acse.intake.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;

/** Builds the ciphers from configuration once; a missing or malformed key fails the start, not a request. */
@ApplicationScoped
public class Crypto {

    @Produces
    @Singleton
    FieldCipher fieldCipher(CryptoConfig config) {
        return FieldCipher.of(config.activeKeyId(), config.keys());
    }

    @Produces
    @Singleton
    DuplicateFingerprint duplicateFingerprint(CryptoConfig config) {
        return new DuplicateFingerprint(Base64.getDecoder().decode(config.duplicateKey()));
    }
}
