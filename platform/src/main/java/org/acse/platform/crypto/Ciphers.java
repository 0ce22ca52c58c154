package org.acse.platform.crypto;

import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the field cipher from configuration once. A service that stores encrypted fields observes its start with
 * the cipher as a parameter, so that a missing or malformed key fails the start, not a request.
 */
@ApplicationScoped
public class Ciphers {

    @Produces
    @Singleton
    FieldCipher fieldCipher(CipherConfig config) {
        return of(config);
    }

    /** The configured cipher for what runs before CDI: a Flyway Java migration encrypting existing rows. */
    public static FieldCipher fromConfig() {
        return of(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(CipherConfig.class));
    }

    private static FieldCipher of(CipherConfig config) {
        String active = config.activeKeyId()
                .orElseThrow(() -> new IllegalStateException("acse.crypto.active-key-id is not configured"));
        return FieldCipher.of(
                active,
                config.keys().orElseThrow(() -> new IllegalStateException("acse.crypto.keys is not configured")));
    }
}
