package org.acse.placement.matching;

/** Support a shelter offers. Psychological and medical support can be mandatory needs; the rest ranks. */
public enum Support {
    PSYCHOLOGICAL,
    MEDICAL,
    LEGAL,
    FRENCH_LESSONS,
    INTERPRETER,
    SOCIAL,
    CHILDCARE
}
