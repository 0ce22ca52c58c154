package org.acse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.acse.notification.channel.ChannelRequest;
import org.acse.notification.channel.ChannelValidation;
import org.acse.platform.problem.FieldError;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The plain rules, without Quarkus: backoff, signature (Standard Webhooks), channel validation. */
class DeliveryRulesTest {
    private static final Validator FIELDS = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(List.of(b.after(1), b.after(2), b.after(3), b.after(4), b.after(5), b.after(50)))
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    @Test
    void signatureIsStandardWebhooksV1OfIdDotTimestampDotBody() {
        // key "secret" (whsec_c2VjcmV0); the reference value computed independently, by the npm standardwebhooks
        // library's sign() and by: printf 'msg-1.1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret -binary |
        // base64
        String secret = "whsec_c2VjcmV0";
        assertThat(WebhookSignature.sign(secret, "msg-1", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1,5BMrxZj5lscjjZHEiwaXTqWqF5C2p/s5OpAP74+Gt7Q=");
        String sig = WebhookSignature.sign(secret, "msg-1", 1_700_000_000L, "{\"a\":1}");
        assertThat(WebhookSignature.verify(secret, "msg-1", "1700000000", "{\"a\":1}", sig))
                .isTrue();
        assertThat(WebhookSignature.verify(secret, "msg-1", "1700000000", "{\"a\":1}", "v1,bm9wZQ== " + sig))
                .isTrue();
        assertThat(WebhookSignature.verify(secret, "msg-2", "1700000000", "{\"a\":1}", sig))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, "msg-1", "1700000001", "{\"a\":1}", sig))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, "msg-1", "1700000000", "{\"a\":2}", sig))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_b3RoZXI=", "msg-1", "1700000000", "{\"a\":1}", sig))
                .isFalse();
    }

    @Test
    void channelValidationNamesTheFieldsAndNeverTheValues() {
        List<FieldError> errors = ChannelValidation.check(
                FIELDS, new ChannelRequest(List.of("ok@foyer.example", "jean.dupont"), "javascript:alert(1)", "short"));
        assertThat(errors).extracting(FieldError::field).containsExactly("emails[1]", "webhookUrl", "webhookSecret");
        assertThat(errors).extracting(FieldError::message).noneMatch(m -> m.contains("jean.dupont"));
        // no secret: one is made when the channel is saved
        assertThat(ChannelValidation.check(FIELDS, new ChannelRequest(List.of(), "https://hooks.example/a", null)))
                .isEmpty();
        assertThat(ChannelValidation.check(
                        FIELDS,
                        new ChannelRequest(
                                List.of(),
                                "https://hooks.example/a",
                                "whsec_" + Base64.getEncoder().encodeToString(new byte[24]))))
                .isEmpty();
        assertThat(ChannelValidation.check(
                        FIELDS,
                        new ChannelRequest(
                                List.of(),
                                "https://hooks.example/a",
                                "whsec_" + Base64.getEncoder().encodeToString(new byte[23]))))
                .extracting(FieldError::field)
                .containsExactly("webhookSecret");
    }
}
