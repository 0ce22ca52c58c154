package org.acse.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Client mistakes are 4xx naming the field; values are never echoed
 * (they may be personal data). Only a fault of ours is a 500, logged without request data.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            message = "must be one of "
                    + Arrays.stream(f.getTargetType().getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + describe(m.getTargetType());
        } else if (e instanceof JsonParseException) {
            message = "malformed JSON";
        } else {
            message = "unreadable value";
        }
        return respond(new Problem(
                Problem.TYPE_PREFIX + "malformed-body",
                "Unreadable request body",
                400,
                "The request body is not the expected JSON.",
                List.of(new FieldError(field.isEmpty() ? "body" : field, message))));
    }

    /**
     * Wrong types and unknown enum values: more specific than {@link JsonProcessingException}, so without this
     * quarkus-rest-jackson's own mapper answered them (plain JSON, not a problem document).
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(new Problem(
                Problem.TYPE_PREFIX + "unauthorized",
                "Unauthorized",
                401,
                "A valid bearer token is required.",
                List.of()));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem(
                Problem.TYPE_PREFIX + "forbidden",
                "Forbidden",
                403,
                "Your role does not allow this operation.",
                List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Client error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(Problem.TYPE_PREFIX + slug(title), title, status, title + ".", List.of()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (databaseUnreachable(e)) {
            // Nothing was stored: the client may retry the same request (with its Idempotency-Key) shortly.
            LOG.warnf("database unreachable: %s", e.getClass().getSimpleName());
            return Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", "5")
                    .entity(new Problem(
                            Problem.TYPE_PREFIX + "unavailable",
                            "Service unavailable",
                            503,
                            "The service cannot reach its database; nothing was changed. Retry shortly.",
                            List.of()))
                    .build();
        }
        LOG.errorf(
                "unexpected %s at %s",
                e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return respond(new Problem(
                Problem.TYPE_PREFIX + "internal",
                "Internal error",
                500,
                "The service could not complete the request; nothing was changed.",
                List.of()));
    }

    /**
     * A connection refused, lost or not obtained in time (the pool timed out): SQL state class 08, 57P (the server shutting down or
     * starting), 53300 (too many connections) and 55000 (the database not accepting connections). Searched through
     * causes and suppressed exceptions: a commit the database broke off surfaces as the transaction manager's
     * rollback, which carries the resource's failure as a suppressed exception, not as its cause.
     */
    static boolean databaseUnreachable(Throwable e) {
        Deque<Throwable> toSee = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!toSee.isEmpty()) {
            Throwable t = toSee.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (lostConnection(t)) {
                return true;
            }
            if (t.getCause() != null) {
                toSee.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                toSee.push(suppressed);
            }
        }
        return false;
    }

    private static boolean lostConnection(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // The pool's own "acquisition timeout while waiting for new connection": no SQL state, a timeout as cause.
        if (t instanceof SQLException && t.getCause() instanceof TimeoutException) {
            return true;
        }
        return t instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08")
                        || sql.getSQLState().startsWith("57P")
                        || sql.getSQLState().equals("53300")
                        || sql.getSQLState().equals("55000"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** {@code submit.arg0.person.firstName} → {@code person.firstName}: drop the method and parameter nodes. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        int start = 0;
        while (start < parts.length - 1 && (start < 2) && !parts[start].contains("[")) {
            start++;
        }
        String field = String.join(".", Arrays.copyOfRange(parts, Math.min(start, parts.length - 1), parts.length));
        return field.replaceAll("\\.?<[^>]*>", "");
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date-time (ISO 8601, e.g. 2026-01-31T10:15:00Z)";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
