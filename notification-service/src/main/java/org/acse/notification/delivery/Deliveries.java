package org.acse.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.acse.notification.channel.ChannelSetting;
import org.acse.notification.channel.OwnerType;
import org.acse.platform.tracing.Traceparent;
import org.acse.platform.tx.AfterCommit;

/**
 * Records deliveries in the caller's transaction (PENDING, due now) and wakes the worker right after the commit,
 * so a consumer never waits for an SMTP server or a webhook.
 */
@ApplicationScoped
public class Deliveries {
    @Inject
    AfterCommit afterCommit;

    @Inject
    DeliveryWorker worker;

    @Inject
    ObjectMapper json;

    /** One delivery per channel the recipient has (e-mail, webhook), with the body as JSON. Returns them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> enqueue(
            OwnerType recipientType,
            String recipientId,
            UUID alertId,
            UUID referralId,
            String eventType,
            MessageBody body) {
        var setting = ChannelSetting.of(recipientType, recipientId);
        if (setting.isEmpty()) {
            return List.of();
        }
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert body cannot be serialised", e);
        }
        List<Delivery> created = new ArrayList<>();
        if (!setting.get().emails.isEmpty()) {
            created.add(record(
                    recipientType, recipientId, alertId, referralId, Delivery.Channel.EMAIL, eventType, payload));
        }
        if (setting.get().hasWebhook()) {
            created.add(record(
                    recipientType, recipientId, alertId, referralId, Delivery.Channel.WEBHOOK, eventType, payload));
        }
        if (!created.isEmpty()) {
            wakeAfterCommit();
        }
        return created;
    }

    private Delivery record(
            OwnerType recipientType,
            String recipientId,
            UUID alertId,
            UUID referralId,
            Delivery.Channel channel,
            String eventType,
            String payload) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.alertId = alertId;
        d.referralId = referralId;
        d.recipientType = recipientType;
        d.recipientId = recipientId;
        d.channel = channel;
        d.eventType = eventType;
        d.payload = payload;
        d.status = Delivery.Status.PENDING;
        d.createdAt = Instant.now();
        d.nextAttemptAt = d.createdAt;
        d.traceparent = Traceparent.current();
        d.persist();
        return d;
    }

    private void wakeAfterCommit() {
        afterCommit.run(worker::wake);
    }
}
