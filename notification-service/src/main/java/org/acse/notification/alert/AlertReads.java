package org.acse.notification.alert;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.page.Filter;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;

/** The alert lists: what a viewer may see, filtered, newest first; every list audited. */
@ApplicationScoped
public class AlertReads {
    @Inject
    AuditLog audit;

    /**
     * The alerts this viewer may see, newest first: staff only their own shelter's proposals. One audit row per
     * request, naming what was looked at: the referral when filtered by one, else the shelter the list is limited
     * to, else the whole list.
     */
    @Transactional
    public Page<AlertView> list(Viewer viewer, AlertFilter filter, PageRequest page) {
        Filter where = Filter.where();
        UUID shelter = filter.shelterId();
        if (!viewer.coordinator()) {
            if (viewer.shelterId().isEmpty()) {
                return Page.empty(page);
            }
            shelter = viewer.shelterId().get();
            where.equal("shelterId", shelter).equal("kind", AlertKind.PROPOSAL);
        }
        if (filter.referralId() != null) {
            audit.record("alert.list", "referral", filter.referralId());
        } else if (shelter != null) {
            audit.record("alert.list", "shelter", shelter);
        } else {
            audit.record("alert.list", "alert-list", "all");
        }
        where.optionalEqual("shelterId", filter.shelterId())
                .optionalEqual("referralId", filter.referralId())
                .optionalIn("status", filter.status())
                .optionalIn("kind", filter.kind())
                .optionalPresence("escalatedAt", filter.escalated());
        return Page.of(
                Alert.<Alert>find(where.query(), Sort.descending("createdAt").and("id"), where.params()),
                page,
                AlertView::of);
    }
}
