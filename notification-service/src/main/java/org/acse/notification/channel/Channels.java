package org.acse.notification.channel;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;

@ApplicationScoped
public class Channels {
    @Inject
    AuditLog audit;

    @Inject
    Validator fields;

    @Inject
    WebhookAddresses addresses;

    @Inject
    FieldCipher cipher;

    /** A missing or malformed key fails the start, not the first webhook. */
    void checkKey(@Observes StartupEvent start, FieldCipher cipher) {}

    @Transactional
    public ChannelView get(OwnerType type, String id) {
        return ChannelSetting.of(type, id).map(ChannelView::of).orElse(ChannelView.NONE);
    }

    /**
     * Replaces the setting; a missing secret keeps the current one (or, for a first webhook, a new one is made and
     * answered once), a missing webhookUrl removes the webhook.
     */
    @Transactional
    public ChannelView put(OwnerType type, String id, ChannelRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        ChannelSetting setting = ChannelSetting.of(type, id).orElse(null);
        List<FieldError> errors = ChannelValidation.check(fields, request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (request.webhookUrl() != null
                && addresses.check(URI.create(request.webhookUrl()).getHost()) instanceof WebhookAddresses.Refused) {
            // A host that does not resolve yet is let through: it is checked again before every call.
            throw ProblemException.invalid(
                    "webhookUrl",
                    "must point to a public address, not a loopback, private, link-local, multicast or cloud"
                            + " metadata one");
        }
        if (setting == null) {
            setting = new ChannelSetting();
            setting.owner = new ChannelSetting.Owner(type, id);
        }
        setting.emails = request.emails() == null
                ? List.of()
                : request.emails().stream().map(String::trim).distinct().toList();
        setting.webhookUrl = request.webhookUrl();
        String madeSecret = null;
        if (request.webhookUrl() == null) {
            setting.sealWebhookSecret(cipher, null);
        } else if (request.webhookSecret() != null) {
            setting.sealWebhookSecret(cipher, request.webhookSecret());
        } else if (!setting.hasWebhookSecret()) {
            madeSecret = WebhookSecret.generate();
            setting.sealWebhookSecret(cipher, madeSecret);
        }
        setting.updatedAt = Instant.now();
        setting.persist();
        audit.record("channel.update", type.name().toLowerCase() + "-channel", id);
        return madeSecret != null ? ChannelView.withNewSecret(setting, madeSecret) : ChannelView.of(setting);
    }
}
