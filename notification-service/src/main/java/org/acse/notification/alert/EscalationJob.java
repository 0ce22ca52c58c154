package org.acse.notification.alert;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Checks for proposals nobody acknowledged in time. */
@ApplicationScoped
public class EscalationJob {
    private static final Logger LOG = Logger.getLogger(EscalationJob.class);

    @Inject
    AlertService alerts;

    @Scheduled(every = "${acse.alert.escalation-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            alerts.escalateDue();
        } catch (RuntimeException e) {
            LOG.warnf("escalation check failed: %s", e.getClass().getSimpleName());
        }
    }
}
