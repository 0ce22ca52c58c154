package org.acse.common.events;

/** Mandatory needs of the person; an unmet need excludes a shelter. */
public record Needs(boolean wheelchairAccess, boolean psychologicalSupport, boolean medicalCare, boolean interpreter) {
    public static final Needs NONE = new Needs(false, false, false, false);
}
