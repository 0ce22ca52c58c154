package org.acse.intake.referral;

import java.security.SecureRandom;

/**
 * Pseudonyms are random, never derived from the person: {@code R-} and eight characters from an alphabet without
 * look-alikes, easy to read out on the phone.
 */
final class Pseudonyms {
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    static String next() {
        StringBuilder sb = new StringBuilder("R-");
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private Pseudonyms() {}
}
