package org.acse.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs work once the current transaction has committed, and not at all if it rolls back: waking a worker, telling
 * the live feed, updating an in-memory view of what the transaction wrote.
 */
@ApplicationScoped
public class AfterCommit {
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Call inside a transaction. */
    public void run(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
