package org.acse.placement.matching;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a referral's preferred scheme did to its matching, for the explanation: how many shelters of the scheme the
 * network has, how many passed the hard constraints (and scored for the preference), why the others did not, and
 * one sentence (French, then English) for coordinators. Computed from the explanation itself, so it cannot disagree
 * with the verdicts.
 */
public record SchemePreference(
        String code,
        int sheltersInScheme,
        int eligibleInScheme,
        boolean applied,
        boolean bestInScheme,
        Map<Exclusion, Integer> exclusionsInScheme,
        String summary) {

    /** The summary of {@code evaluations} (as {@link MatchingEngine#explain} ranks them); null if no scheme asked. */
    public static SchemePreference of(String preferredScheme, List<Evaluation> evaluations) {
        String code = MatchRequest.schemeCode(preferredScheme);
        if (code == null) {
            return null;
        }
        int inScheme = 0;
        int eligible = 0;
        Map<Exclusion, Integer> exclusions = new EnumMap<>(Exclusion.class);
        for (Evaluation e : evaluations) {
            if (!code.equals(e.schemeCode())) {
                continue;
            }
            inScheme++;
            if (e.eligible()) {
                eligible++;
            } else {
                exclusions.merge(e.exclusion(), 1, Integer::sum);
            }
        }
        boolean applied = eligible > 0;
        boolean best = !evaluations.isEmpty()
                && evaluations.get(0).eligible()
                && code.equals(evaluations.get(0).schemeCode());
        String summary;
        if (inScheme == 0) {
            summary = "Dispositif " + code + " inconnu du réseau : préférence sans effet. / Scheme " + code
                    + " is not known to the network: the preference has no effect.";
        } else if (!applied) {
            summary = "Préférence sans effet : aucune des " + inScheme + " structures du dispositif " + code
                    + " ne respecte les contraintes (zones de danger, distance, foyer, besoins, disponibilité). / "
                    + "Preference not applied: none of the " + inScheme + " shelters of scheme " + code
                    + " passes the hard constraints (danger zones, distance, household, needs, availability).";
        } else {
            summary = "Préférence appliquée : " + eligible + " des " + inScheme + " structures du dispositif " + code
                    + " respectent les contraintes et gagnent des points au classement"
                    + (best ? ", la première place proposée en fait partie." : ".") + " / Preference applied: "
                    + eligible + " of the " + inScheme + " shelters of scheme " + code
                    + " pass the hard constraints and score for it" + (best ? "; the best place is one of them." : ".");
        }
        return new SchemePreference(code, inScheme, eligible, applied, best, exclusions, summary);
    }
}
