package org.acse.notification.channel;

/** Who a channel belongs to. */
public enum OwnerType {
    SHELTER,
    ORGANISATION,
    COORDINATION;

    /** The single coordinators' channel has this owner id. */
    public static final String COORDINATION_ID = "coordination";
}
