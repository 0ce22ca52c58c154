package org.acse.web.api;

import java.util.List;

/** A service's refusal (RFC 9457 problem+json): its type and the offending fields. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public record FieldError(String field, String message) {}

    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** The slug after {@code urn:acse:problem:}, e.g. {@code validation}, {@code minor}. */
    public String slug() {
        return type == null ? "" : type.substring(type.lastIndexOf(':') + 1);
    }
}
