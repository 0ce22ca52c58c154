package org.acse.notification.alert;

import java.util.List;
import java.util.UUID;

/** Optional filters of the alert list; null means any. */
public record AlertFilter(
        UUID shelterId, UUID referralId, List<AlertStatus> status, List<AlertKind> kind, Boolean escalated) {}
