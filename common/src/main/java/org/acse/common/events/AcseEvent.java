package org.acse.common.events;

import java.util.UUID;

/**
 * The data of one CloudEvent. Every event concerns one referral: its id is the Kafka key, so the events of one
 * referral stay in order. Events never carry a name, birth date, phone number, free-text note or shelter address.
 */
public sealed interface AcseEvent
        permits ReferralSubmitted,
                ReferralWithdrawn,
                ReferralErased,
                PlacementProposed,
                PlacementDecided,
                PlacementNoMatch,
                PlacementSearching,
                AlertAcknowledged,
                AlertEscalated {
    UUID referralId();
}
