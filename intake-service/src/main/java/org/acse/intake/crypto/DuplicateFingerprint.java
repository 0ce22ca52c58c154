package org.acse.intake.crypto;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A keyed hash (HMAC-SHA256) of a normalised name and birth date: two referrals of one person meet on it, while the
 * database never holds the name or a hash anyone without the key could recompute from a list of names.
 * Normalisation forgives accents, case, punctuation, spacing and first/last name swapped.
 */
public final class DuplicateFingerprint {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private final KeyedHash hash;

    public DuplicateFingerprint(byte[] key) {
        this.hash = new KeyedHash(key, "duplicate key");
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
        return Optional.of(hash.of(names[0] + "|" + names[1] + "|" + birthDate));
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
