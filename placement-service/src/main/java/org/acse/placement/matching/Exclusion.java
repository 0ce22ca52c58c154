package org.acse.placement.matching;

/** Why a shelter is not eligible for a referral: the first hard constraint (product §5) it fails. */
public enum Exclusion {
    SHELTER_INACTIVE,
    ALREADY_DECLINED_OR_EXPIRED,
    GENDER_NOT_ACCEPTED,
    FAMILIES_NOT_ACCEPTED,
    TOO_MANY_CHILDREN,
    CHILD_AGE_NOT_ACCEPTED,
    WHEELCHAIR_ACCESS_MISSING,
    PSYCHOLOGICAL_SUPPORT_MISSING,
    MEDICAL_CARE_MISSING,
    NO_UNIT_LARGE_ENOUGH,
    IN_DANGER_ZONE_DEPARTMENT,
    TOO_CLOSE_TO_DANGER_ZONE,
    NO_UNIT_AVAILABLE_IN_TIME
}
