package org.acse.intake.crypto;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import org.acse.platform.crypto.FieldCipher;

/** Builds the two fingerprints from configuration once; a missing or malformed key fails the start. */
@ApplicationScoped
public class Crypto {

    @Produces
    @Singleton
    DuplicateFingerprint duplicateFingerprint(CryptoConfig config) {
        return new DuplicateFingerprint(Base64.getDecoder().decode(config.duplicateKey()));
    }

    @Produces
    @Singleton
    BodyFingerprint bodyFingerprint(CryptoConfig config) {
        return new BodyFingerprint(Base64.getDecoder().decode(config.idempotencyKey()));
    }

    /** Every key is checked at start: the cipher's (platform) and the fingerprints'. */
    void checkKeys(
            @Observes StartupEvent start,
            FieldCipher cipher,
            DuplicateFingerprint fingerprint,
            BodyFingerprint bodyFingerprint) {}
}
