package org.acse.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.notification.channel.ChannelSetting;
import org.acse.notification.channel.OwnerType;
import org.acse.platform.audit.AuditLog;
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

    @Inject
    AuditLog audit;

    /** One delivery per channel the recipient has (e-mail, webhook), with the body as JSON. Returns them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> enqueue(OwnerType recipientType, String recipientId, UUID alertId, UUID referralId,
            String eventType, MessageBody body) {
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
            created.add(record(recipientType, recipientId, alertId, referralId, Delivery.Channel.EMAIL, eventType,
                    payload));
        }
        if (setting.get().hasWebhook()) {
            created.add(record(recipientType, recipientId, alertId, referralId, Delivery.Channel.WEBHOOK, eventType,
                    payload));
        }
        if (!created.isEmpty()) {
            wakeAfterCommit();
        }
        return created;
    }

    private Delivery record(OwnerType recipientType, String recipientId, UUID alertId, UUID referralId,
            Delivery.Channel channel, String eventType, String payload) {
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

    public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    /**
     * For coordinators: every delivery with its attempts, newest first. Never the payload. One audit row per
     * request, naming what was looked at: the alert, else the referral, else the list (by status).
     */
    @Transactional
    public DeliveryPage list(Delivery.Status status, UUID alertId, UUID referralId, int page, int size) {
        if (alertId != null) {
            audit.record("delivery.list", "alert", alertId);
        } else if (referralId != null) {
            audit.record("delivery.list", "referral", referralId);
        } else {
            audit.record("delivery.list", "delivery-list", status == null ? "all" : status.name());
        }
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (alertId != null) {
            q.append(" and alertId = :alertId");
            params.put("alertId", alertId);
        }
        if (referralId != null) {
            q.append(" and referralId = :referralId");
            params.put("referralId", referralId);
        }
        var found = Delivery.<Delivery>find(q.toString(), Sort.descending("createdAt").and("id"), params);
        List<DeliveryView> items = found.page(Page.of(page, size)).list().stream().map(DeliveryView::of).toList();
        return new DeliveryPage(items, page, size, found.count());
    }
}
