package org.acse.platform.problem;

import java.util.List;

/**
 * A client mistake or a refused operation, answered as a problem document. {@code type} is a stable slug
 * (e.g. {@code validation}, {@code not-found}); messages hold no personal data.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request", "One or more fields are invalid.", errors);
    }

    /** Also what a caller gets for another tenant's resource: it must not learn that the resource exists. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " not found.", List.of());
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
