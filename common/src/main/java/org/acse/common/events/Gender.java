package org.acse.common.events;

public enum Gender {
    FEMALE,
    MALE,
    NON_BINARY
}
