package org.acse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import org.acse.notification.channel.ChannelRequest;
import org.acse.notification.channel.ChannelValidation;
import org.acse.platform.problem.FieldError;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The plain rules, without Quarkus: backoff, signature, channel validation. */
class DeliveryRulesTest {
    private static final Validator FIELDS = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(List.of(b.after(1), b.after(2), b.after(3), b.after(4), b.after(5), b.after(50))).containsExactly(
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void signatureIsHmacSha256OfTimestampDotBody() {
        // reference value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookSignature.sign("secret", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
        String sig = WebhookSignature.sign("secret", 1_700_000_000L, "{\"a\":1}");
        assertThat(WebhookSignature.verify("secret", "1700000000", "{\"a\":1}", sig)).isTrue();
        assertThat(WebhookSignature.verify("secret", "1700000001", "{\"a\":1}", sig)).isFalse();
        assertThat(WebhookSignature.verify("secret", "1700000000", "{\"a\":2}", sig)).isFalse();
    }

    @Test
    void channelValidationNamesTheFieldsAndNeverTheValues() {
        List<FieldError> errors = ChannelValidation.check(FIELDS,
                new ChannelRequest(List.of("ok@foyer.example", "jean.dupont"), "javascript:alert(1)", "short"), false);
        assertThat(errors).extracting(FieldError::field).containsExactly("emails[1]", "webhookUrl", "webhookSecret");
        assertThat(errors).extracting(FieldError::message).noneMatch(m -> m.contains("jean.dupont"));
        assertThat(ChannelValidation.check(FIELDS, new ChannelRequest(List.of(), "https://hooks.example/a", null), false))
                .extracting(FieldError::field).containsExactly("webhookSecret");
        assertThat(ChannelValidation.check(FIELDS, new ChannelRequest(List.of(), "https://hooks.example/a", null), true))
                .isEmpty();
    }
}
