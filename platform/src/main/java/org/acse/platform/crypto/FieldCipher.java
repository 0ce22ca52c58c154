package org.acse.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal fields. The associated data binds a ciphertext to its row and column, so a ciphertext
 * copied onto another referral does not decrypt. Plain class: the CDI producer is {@link Ciphers}.
 */
public final class FieldCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    public FieldCipher(String activeKeyId, Map<String, byte[]> keys) {
        this.keys = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("encryption key " + id + " is not 256 bits");
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!this.keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active encryption key " + activeKeyId + " is not configured");
        }
        this.activeKeyId = activeKeyId;
    }

    /** Parses {@code id:base64} entries. */
    public static FieldCipher of(String activeKeyId, Iterable<String> entries) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("an encryption key entry is not id:base64");
            }
            keys.put(
                    entry.substring(0, colon).trim(),
                    Base64.getDecoder().decode(entry.substring(colon + 1).trim()));
        }
        return new FieldCipher(activeKeyId, keys);
    }

    public Sealed seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] out = cipher.doFinal(plaintext);
            return new Sealed(
                    activeKeyId,
                    ByteBuffer.allocate(NONCE_BYTES + out.length)
                            .put(nonce)
                            .put(out)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] open(Sealed sealed, String associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key " + sealed.keyId() + " to decrypt with");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.ciphertext(), 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext(), NONCE_BYTES, sealed.ciphertext().length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (key " + sealed.keyId() + ")", e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }
}
