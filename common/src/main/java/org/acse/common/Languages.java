package org.acse.common;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Language codes the suite understands, one rule for every service: ISO 639-1 (two letters), their ISO 639-2
 * equivalents, and the ISO 639-3 codes of languages often spoken by people referred to Ac.Sé that have no two-letter
 * code (Nigerian Pidgin, Edo, Esan, Dari…). Codes are compared in lower case.
 */
public final class Languages {
    private static final Set<String> CASELOAD_639_3 = Set.of(
            "pcm", // Nigerian Pidgin
            "bin", // Edo (Bini)
            "ish", // Esan
            "prs", // Dari
            "apd", // Sudanese Arabic
            "arq", // Algerian Arabic
            "ary", // Moroccan Arabic
            "aeb", // Tunisian Arabic
            "rmy", // Vlax Romani
            "srr", // Serer
            "dyu", // Dyula
            "men", // Mende
            "kri"); // Krio
    private static final Set<String> KNOWN = known();

    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code.toLowerCase(Locale.ROOT));
    }

    private static Set<String> known() {
        Set<String> codes = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));
        for (String two : Locale.getISOLanguages()) {
            codes.add(Locale.forLanguageTag(two).getISO3Language());
        }
        codes.addAll(CASELOAD_639_3);
        return Set.copyOf(codes);
    }

    private Languages() {}
}
