package org.acse.platform.figures;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.acse.common.figures.Breakdown;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of every figure ({@code @BeanParam}): the breakdown, an optional scheme of places, and the
 * months of submission, from and to (both included, Paris time). A bad one is a 400 naming it, and never echoed.
 */
public class FigureRequest {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final YearMonth EARLIEST = YearMonth.of(2000, 1);
    private static final YearMonth LATEST = YearMonth.of(2100, 12);

    @QueryParam("by")
    @DefaultValue("month")
    @Parameter(
            description = "How the referrals are grouped: `month` of submission (Paris time), `region` the person"
                    + " was in when referred (INSEE code), or `urgency`.",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"month", "region", "urgency"}))
    String by;

    @QueryParam("scheme")
    @Parameter(description = "Only what concerns this scheme of places (its code), as the endpoint says.")
    String scheme;

    @QueryParam("from")
    @Parameter(
            description = "The first month of submission counted, `YYYY-MM`.",
            schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$"))
    String from;

    @QueryParam("to")
    @Parameter(
            description = "The last month of submission counted, `YYYY-MM`.",
            schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$"))
    String to;

    public FigureRequest() {}

    /** The parameters as given in a URL: for tests and callers in code. */
    public static FigureRequest of(String by, String scheme, String from, String to) {
        FigureRequest r = new FigureRequest();
        r.by = by;
        r.scheme = scheme;
        r.from = from;
        r.to = to;
        return r;
    }

    /** The parameters checked together: every mistake named at once. */
    public Figures parse() {
        List<FieldError> errors = new ArrayList<>();
        Breakdown breakdown = Breakdown.parse(by == null ? "month" : by).orElse(null);
        if (breakdown == null) {
            errors.add(new FieldError("by", "must be one of month, region, urgency"));
        }
        if (scheme != null && !SCHEME.matcher(scheme).matches()) {
            errors.add(new FieldError("scheme", "must be a scheme code: letters, digits, - or _ (1 to 40)"));
        }
        YearMonth first = month("from", from, errors);
        YearMonth last = month("to", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Figures(
                breakdown,
                scheme,
                first == null
                        ? null
                        : first.atDay(1).atStartOfDay(Breakdown.PARIS).toInstant(),
                last == null
                        ? null
                        : last.plusMonths(1)
                                .atDay(1)
                                .atStartOfDay(Breakdown.PARIS)
                                .toInstant());
    }

    private static YearMonth month(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            YearMonth month = value.length() == 7 ? YearMonth.parse(value) : null;
            if (month != null && !month.isBefore(EARLIEST) && !month.isAfter(LATEST)) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        errors.add(new FieldError(field, "must be a month YYYY-MM between 2000-01 and 2100-12"));
        return null;
    }

    /**
     * The checked parameters: submitted at or after {@code since} and before {@code until} (null: no bound);
     * {@code scheme} null for every referral.
     */
    public record Figures(Breakdown by, String scheme, Instant since, Instant until) {
        public boolean counts(Instant submittedAt) {
            return (since == null || !submittedAt.isBefore(since)) && (until == null || submittedAt.isBefore(until));
        }
    }
}
