package org.acse.platform.audit;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acse.platform.page.Filter;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;

/** The audit log of this service, newest first, optionally about one kind of target or one target. */
@ApplicationScoped
public class AuditReads {
    @Transactional
    public Page<AuditView> list(String targetType, String targetId, PageRequest request) {
        Filter filter = Filter.where().optionalEqual("targetType", targetType).optionalEqual("targetId", targetId);
        return Page.of(
                AuditEntry.<AuditEntry>find(filter.query(), Sort.descending("id"), filter.params()),
                request,
                AuditView::of);
    }
}
