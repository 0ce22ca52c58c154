package org.acse.platform.security;

/** Keycloak realm roles of the {@code acse} realm (product §2). */
public final class Roles {
    public static final String PARTNER = "partner";
    public static final String SHELTER_STAFF = "shelter-staff";
    public static final String COORDINATOR = "coordinator";
    /** Service accounts (client credentials) calling another service's REST API. */
    public static final String SERVICE = "service";

    /** Token claims naming the caller's tenant. */
    public static final String ORG_CLAIM = "org_id";

    public static final String SHELTER_CLAIM = "shelter_id";

    private Roles() {}
}
