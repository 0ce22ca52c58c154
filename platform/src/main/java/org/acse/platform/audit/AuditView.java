package org.acse.platform.audit;

import java.time.Instant;

/** One line of the audit log as coordinators read it. */
public record AuditView(
        Long id,
        Instant at,
        String subject,
        String role,
        String tenant,
        String action,
        String targetType,
        String targetId) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.subject, e.role, e.tenant, e.action, e.targetType, e.targetId);
    }
}
