package org.acse.intake.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a normalised name and birth date: two referrals of one person meet on it, while the
 * database never holds the name or a hash anyone without the key could recompute from a list of names.
 * Normalisation forgives accents, case, punctuation, spacing and first/last name swapped.
 */
public final class DuplicateFingerprint {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    /** Initialised once; each call works on a clone (no provider lookup, no key set-up per request). */
    private final Mac prototype;

    public DuplicateFingerprint(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the duplicate key must have at least 256 bits");
        }
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }

    /** Empty without both names and a birth date: a fingerprint of less would flag strangers. */
    public Optional<String> of(String firstName, String lastName, LocalDate birthDate) {
        String first = normalise(firstName);
        String last = normalise(lastName);
        if (first.isEmpty() || last.isEmpty() || birthDate == null) {
            return Optional.empty();
        }
        String[] names = {first, last};
        Arrays.sort(names);
        return Optional.of(hmac(names[0] + "|" + names[1] + "|" + birthDate));
    }

    /** Also used to fingerprint request bodies for idempotency keys. */
    public String hmac(String value) {
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
