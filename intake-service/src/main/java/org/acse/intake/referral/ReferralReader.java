package org.acse.intake.referral;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;

/**
 * Reads a referral body strictly: at most 64 KiB, no unknown or duplicate fields, no silent coercion ("27" is not a
 * number, 27.5 is not an age). Jackson's errors propagate to the platform's problem mappers, which name the field.
 */
public final class ReferralReader {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper strict;
    private final ObjectMapper canonical;

    public ReferralReader(ObjectMapper base) {
        strict = base.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (LogicalType type : List.of(
                LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual, LogicalType.Enum)) {
            for (CoercionInputShape shape : List.of(
                    CoercionInputShape.String,
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean)) {
                strict.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        // Same-type input must still be accepted.
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        strict.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        strict.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        canonical = base.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** A parsed body; its canonical form (keys sorted, no whitespace), which idempotency compares, on demand. */
    public static final class Body {
        private final ReferralRequest request;
        private final JsonNode tree;
        private final ObjectMapper canonical;

        Body(ReferralRequest request, JsonNode tree, ObjectMapper canonical) {
            this.request = request;
            this.tree = tree;
            this.canonical = canonical;
        }

        public ReferralRequest request() {
            return request;
        }

        /** Only a request with an Idempotency-Key needs it: made when asked. */
        public String canonicalJson() {
            try {
                return canonical.writeValueAsString(canonical.convertValue(tree, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Body read(InputStream in) throws IOException {
        byte[] bytes = readAtMost(in);
        if (bytes.length == 0) {
            throw unreadable("is required");
        }
        JsonNode tree = strict.readTree(bytes);
        if (tree == null || !tree.isObject()) {
            throw unreadable("must be a JSON object");
        }
        ReferralRequest request = strict.treeToValue(tree, ReferralRequest.class);
        return new Body(request, tree, canonical);
    }

    private static byte[] readAtMost(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same problem type the platform gives Jackson's errors. */
    private static ProblemException unreadable(String message) {
        return new ProblemException(
                400,
                "malformed-body",
                "Unreadable request body",
                "The request body is not the expected JSON.",
                List.of(new FieldError("body", message)));
    }

    public static ProblemException tooLarge() {
        return new ProblemException(
                413,
                "payload-too-large",
                "Request body too large",
                "The request body must not exceed " + MAX_BODY_BYTES / 1024 + " KiB.",
                List.of(new FieldError("body", "must be at most " + MAX_BODY_BYTES + " bytes")));
    }
}
