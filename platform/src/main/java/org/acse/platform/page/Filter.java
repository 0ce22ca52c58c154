package org.acse.platform.page;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The conditions of a list's query (Panache HQL), built from its filters: an optional filter adds its condition
 * only when given (null means any). Field names come from the code, values are always bound as parameters.
 */
public final class Filter {
    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    public static Filter where() {
        return new Filter();
    }

    /** A condition that always applies, such as the caller's tenant: a missing value is a bug, not "any". */
    public Filter equal(String field, Object value) {
        return condition(field + " = :", Objects.requireNonNull(value, field));
    }

    public Filter optionalEqual(String field, Object value) {
        return value == null ? this : condition(field + " = :", value);
    }

    /** One of the values; an empty list matches nothing. */
    public Filter optionalIn(String field, Collection<?> values) {
        return values == null ? this : condition(field + " in :", values);
    }

    /** {@code true}: the field is set; {@code false}: it is not. */
    public Filter optionalPresence(String field, Boolean present) {
        if (present != null) {
            query.append(" and ").append(field).append(present ? " is not null" : " is null");
        }
        return this;
    }

    /** At or after {@code from} (dates, counts…). */
    public Filter optionalFrom(String field, Comparable<?> from) {
        return from == null ? this : condition(field + " >= :", from);
    }

    /** Strictly before {@code until}. */
    public Filter optionalBefore(String field, Comparable<?> until) {
        return until == null ? this : condition(field + " < :", until);
    }

    private Filter condition(String prefix, Object value) {
        String name = "p" + params.size();
        query.append(" and ").append(prefix).append(name);
        params.put(name, value);
        return this;
    }

    public String query() {
        return query.toString();
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }
}
