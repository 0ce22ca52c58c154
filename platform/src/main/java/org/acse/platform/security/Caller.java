package org.acse.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.acse.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified bearer token: subject, role and tenant ({@code org_id} for partners,
 * {@code shelter_id} for shelter staff). Every tenant check goes through here.
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isCoordinator() {
        return identity.hasRole(Roles.COORDINATOR);
    }

    public boolean isPartner() {
        return identity.hasRole(Roles.PARTNER);
    }

    public boolean isShelterStaff() {
        return identity.hasRole(Roles.SHELTER_STAFF);
    }

    /** The most privileged role, for the audit log. */
    public String role() {
        if (isCoordinator()) {
            return Roles.COORDINATOR;
        }
        if (isShelterStaff()) {
            return Roles.SHELTER_STAFF;
        }
        if (isPartner()) {
            return Roles.PARTNER;
        }
        return identity.hasRole(Roles.SERVICE) ? Roles.SERVICE : "none";
    }

    public Optional<String> organisationId() {
        return claim(Roles.ORG_CLAIM);
    }

    public Optional<UUID> shelterId() {
        return claim(Roles.SHELTER_CLAIM).flatMap(s -> {
            try {
                return Optional.of(UUID.fromString(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** The tenant this caller acts for, for the audit log: organisation or shelter, none for coordinators. */
    public String tenant() {
        return organisationId().or(() -> claim(Roles.SHELTER_CLAIM)).orElse(null);
    }

    /** A partner's organisation; a partner token without one cannot act. */
    public String requireOrganisation() {
        return organisationId().orElseThrow(() -> ProblemException.forbidden("The token names no organisation."));
    }

    /** Coordinators see every shelter; staff only their own. Anyone else gets 404, as if it did not exist. */
    public void requireShelterAccess(UUID shelterId, String what) {
        if (isCoordinator()) {
            return;
        }
        if (isShelterStaff()
                && shelterId != null
                && shelterId().filter(shelterId::equals).isPresent()) {
            return;
        }
        throw ProblemException.notFound(what);
    }

    /** Coordinators see every organisation's resources; partners only their own. Anyone else gets 404. */
    public void requireOrganisationAccess(String organisationId, String what) {
        if (isCoordinator()) {
            return;
        }
        if (isPartner()
                && organisationId != null
                && organisationId().filter(organisationId::equals).isPresent()) {
            return;
        }
        throw ProblemException.notFound(what);
    }

    private Optional<String> claim(String name) {
        if (token == null || token.getRawToken() == null) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
