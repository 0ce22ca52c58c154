package org.acse.notification.delivery;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.page.Filter;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;

/** The delivery list, for coordinators. */
@ApplicationScoped
public class DeliveryReads {
    @Inject
    AuditLog audit;

    /**
     * Every delivery with its attempts, newest first. Never the payload. One audit row per request, naming what
     * was looked at: the alert, else the referral, else the list (by status).
     */
    @Transactional
    public Page<DeliveryView> list(Delivery.Status status, UUID alertId, UUID referralId, PageRequest page) {
        if (alertId != null) {
            audit.record("delivery.list", "alert", alertId);
        } else if (referralId != null) {
            audit.record("delivery.list", "referral", referralId);
        } else {
            audit.record("delivery.list", "delivery-list", status == null ? "all" : status.name());
        }
        Filter filter = Filter.where()
                .optionalEqual("status", status)
                .optionalEqual("alertId", alertId)
                .optionalEqual("referralId", referralId);
        return Page.of(
                Delivery.<Delivery>find(
                        filter.query(), Sort.descending("createdAt").and("id"), filter.params()),
                page,
                DeliveryView::of);
    }
}
