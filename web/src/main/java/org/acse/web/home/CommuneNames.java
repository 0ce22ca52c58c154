package org.acse.web.home;

import java.text.Normalizer;
import java.util.Locale;

/** Commune names compared as people type them: no accents, no case, hyphens and apostrophes as spaces. */
final class CommuneNames {
    private CommuneNames() {}

    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[-'’\\s]+", " ").trim();
    }
}
