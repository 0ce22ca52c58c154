package org.acse.platform.crypto;

/** A ciphertext ({@code nonce || AES-GCM output}) with the id of the key that made it. */
public record Sealed(String keyId, byte[] ciphertext) {}
