package org.acse.intake.crypto;

/**
 * The keyed hash of a submission's canonical body, kept with its Idempotency-Key to tell a replay from another body
 * under the same key. Its own key: a body fingerprint and a duplicate fingerprint are never comparable, and either
 * key can be rotated without touching the other.
 */
public final class BodyFingerprint {
    private final KeyedHash hash;

    public BodyFingerprint(byte[] key) {
        this.hash = new KeyedHash(key, "idempotency key");
    }

    public String of(String canonicalJson) {
        return hash.of(canonicalJson);
    }
}
