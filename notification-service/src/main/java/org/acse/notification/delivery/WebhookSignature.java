package org.acse.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.acse.notification.channel.WebhookSecret;

/**
 * Webhook signatures of the Standard Webhooks specification, so that receivers can verify them with its libraries:
 * {@code webhook-id} (the delivery's id, the same on every retry, for the receiver to drop a repeat),
 * {@code webhook-timestamp} (epoch seconds of this attempt, for the receiver to refuse a replay) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">}, keyed with the bytes the
 * {@code whsec_} secret encodes.
 */
public final class WebhookSignature {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    /** Ours, beside the specification's: the CloudEvent type answered (also the body's {@code event}). */
    public static final String EVENT = "X-Acse-Event";

    /** The {@code webhook-signature} value. */
    public static String sign(String secret, String id, long epochSeconds, String body) {
        byte[] key = WebhookSecret.key(secret).orElseThrow(() -> new IllegalArgumentException("not a whsec_ secret"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * What a receiver does (the timestamp's freshness aside): recompute, and compare in constant time with each
     * {@code v1} signature of the space-separated list.
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatures) {
        if (id == null
                || timestamp == null
                || signatures == null
                || WebhookSecret.key(secret).isEmpty()) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = sign(secret, id, seconds, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : signatures.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private WebhookSignature() {}
}
