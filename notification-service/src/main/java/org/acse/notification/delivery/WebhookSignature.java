package org.acse.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature of the shared contract: {@code X-Acse-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">} with the receiver's secret; {@code X-Acse-Timestamp} (epoch seconds) lets the receiver
 * refuse replays.
 */
public final class WebhookSignature {
    public static final String TIMESTAMP = "X-Acse-Timestamp";
    public static final String SIGNATURE = "X-Acse-Signature";
    public static final String EVENT = "X-Acse-Event";
    public static final String DELIVERY = "X-Acse-Delivery";

    public static String sign(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, String timestamp, String body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private WebhookSignature() {
    }
}
