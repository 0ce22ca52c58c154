package org.acse.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.acse.platform.security.Caller;

/** Records who read or changed what (product §8), in the transaction of the read or change itself. */
@ApplicationScoped
public class AuditLog {
    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String action, String targetType, Object targetId) {
        AuditEntry entry = new AuditEntry();
        entry.subject = caller.subject();
        entry.role = caller.role();
        entry.tenant = caller.tenant();
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = String.valueOf(targetId);
        entry.persist();
    }
}
