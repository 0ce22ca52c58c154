package org.acse.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Makes consumers idempotent: the first delivery of an event records its id in the consumer's transaction; a
 * redelivery finds it and changes nothing (product §6).
 */
@ApplicationScoped
public class ProcessedEvents {
    @Inject
    EntityManager entityManager;

    /** True the first time this consumer sees this event id (in this transaction or a committed one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        return entityManager
                        .createNativeQuery(
                                "INSERT INTO processed_event (event_id, consumer) VALUES (:id, :consumer) ON CONFLICT DO NOTHING")
                        .setParameter("id", eventId)
                        .setParameter("consumer", consumer)
                        .executeUpdate()
                == 1;
    }
}
