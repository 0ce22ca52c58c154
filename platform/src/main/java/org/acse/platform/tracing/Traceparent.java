package org.acse.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} of the current span, for work that continues later or elsewhere (an outbox row, a
 * pending delivery), and the way back from a stored one to a parent context. Null/empty when tracing is off.
 */
public final class Traceparent {
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private Traceparent() {}

    /** The current span as {@code 00-<trace id>-<span id>-<flags>}, or null without a valid current span. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** The trace id of a stored traceparent, or null for null or a malformed value. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var match = FORMAT.matcher(traceparent);
        return match.matches() ? match.group(1) : null;
    }

    /** A context whose (remote) parent span is the stored one; empty for null or a malformed value. */
    public static Optional<Context> parent(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var match = FORMAT.matcher(traceparent);
        if (!match.matches()) {
            return Optional.empty();
        }
        SpanContext span = SpanContext.createFromRemoteParent(
                match.group(1), match.group(2), TraceFlags.fromHex(match.group(3), 0), TraceState.getDefault());
        return span.isValid() ? Optional.of(Context.root().with(Span.wrap(span))) : Optional.empty();
    }
}
