package org.acse.notification.channel;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A webhook secret in the Standard Webhooks form, {@code whsec_<base64 of the key>}, so that a receiver can hand it
 * as it is to any of the specification's libraries. A new secret has 24 to 64 bytes of key (the specification's
 * range); the service makes one of 32 when the caller gives none.
 */
public final class WebhookSecret {
    public static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;
    private static final int GENERATED_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The HMAC key of a stored secret; empty if it is not of the {@code whsec_} form. */
    public static Optional<byte[]> key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            return key.length == 0 ? Optional.empty() : Optional.of(key);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a secret given by a caller may be stored: the form, padded base64 as every library decodes it, and a
     * key of 24 to 64 bytes.
     */
    static boolean acceptable(String secret) {
        if (secret.length() > PREFIX.length() + 4 * ((MAX_KEY_BYTES + 2) / 3)) {
            return false;
        }
        return key(secret)
                .filter(k -> k.length >= MIN_KEY_BYTES && k.length <= MAX_KEY_BYTES)
                .filter(k -> Base64.getEncoder().encodeToString(k).equals(secret.substring(PREFIX.length())))
                .isPresent();
    }

    static String generate() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    private WebhookSecret() {}
}
