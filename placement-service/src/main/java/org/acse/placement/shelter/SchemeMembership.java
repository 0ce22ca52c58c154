package org.acse.placement.shelter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;

/**
 * The rule of membership, as a plain function: a shelter belongs to at most one scheme. Setting a scheme's shelters
 * to a list makes the listed ones join (each must exist, be listed once, and be in no other scheme) and the others
 * leave; a shelter in another scheme must leave that one first, so that nobody moves a shelter out of a scheme
 * without seeing it.
 */
public final class SchemeMembership {
    /** What changes: the shelters that join the scheme and those that leave it. */
    public record Change(Set<UUID> joining, Set<UUID> leaving) {
        public Set<UUID> changed() {
            Set<UUID> all = new LinkedHashSet<>(joining);
            all.addAll(leaving);
            return all;
        }
    }

    /**
     * @param schemeCode the scheme being set
     * @param requested  the shelters it must have, as given ({@code shelterIds})
     * @param schemeOf   for every requested shelter that exists: the code of its scheme now (null value: none)
     * @param members    the scheme's shelters now
     * @throws ProblemException 400 naming {@code shelterIds[i]} for an unknown or repeated shelter, 409 naming it
     *                          for a shelter of another scheme
     */
    public static Change plan(String schemeCode, List<UUID> requested, Map<UUID, String> schemeOf, Set<UUID> members) {
        List<FieldError> invalid = new ArrayList<>();
        List<FieldError> taken = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            UUID id = requested.get(i);
            String field = "shelterIds[" + i + "]";
            if (!seen.add(id)) {
                invalid.add(new FieldError(field, "is listed twice"));
            } else if (!schemeOf.containsKey(id)) {
                invalid.add(new FieldError(field, "is not a known shelter"));
            } else {
                String current = schemeOf.get(id);
                if (current != null && !current.equals(schemeCode)) {
                    taken.add(new FieldError(
                            field, "already belongs to scheme " + current + "; take it out of that scheme first"));
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        if (!taken.isEmpty()) {
            throw inAnotherScheme(taken);
        }
        Set<UUID> joining = new LinkedHashSet<>(requested);
        joining.removeAll(members);
        Set<UUID> leaving = new LinkedHashSet<>(members);
        requested.forEach(leaving::remove);
        return new Change(joining, leaving);
    }

    /** 409: the shelter is in another scheme (the field named). */
    public static ProblemException inAnotherScheme(List<FieldError> fields) {
        return new ProblemException(
                409, "shelter-in-another-scheme", "Conflict", "A shelter belongs to at most one scheme.", fields);
    }

    private SchemeMembership() {}
}
