package org.acse.intake.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one key, in hex. Initialised once; each call works on a clone (no key set-up per request). */
final class KeyedHash {
    private final Mac prototype;

    KeyedHash(byte[] key, String name) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the " + name + " must have at least 256 bits");
        }
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }

    String of(String value) {
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }
}
