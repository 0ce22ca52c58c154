package org.acse.placement.decision;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;

/** Placements as staff (their own shelter's) and coordinators (all) may read them; every read audited. */
@ApplicationScoped
public class PlacementReads {
    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public PlacementView.Page list(UUID referralId, UUID shelterId, PlacementStatus status, int page, int size) {
        if (!caller.isCoordinator()) {
            UUID own = caller.shelterId().orElseThrow(() -> ProblemException.notFound("Shelter"));
            if (shelterId != null) {
                caller.requireShelterAccess(shelterId, "Shelter");
            }
            shelterId = own;
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (referralId != null) {
            query.append(" and referralId = :referralId");
            params.put("referralId", referralId);
        }
        if (shelterId != null) {
            query.append(" and shelterId = :shelterId");
            params.put("shelterId", shelterId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        var found = Placement.<Placement>find(query.toString(), Sort.descending("createdAt").and("id"), params);
        audit.record("placement.list", "shelter", shelterId == null ? "*" : shelterId);
        return new PlacementView.Page(found.page(page, size).list().stream().map(PlacementView::of).toList(), page,
                size, found.count());
    }

    /** The placement, if the caller may see it: coordinators, and staff of its shelter; anyone else gets 404. */
    @Transactional
    public Placement visible(UUID id) {
        Placement p = Placement.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Placement");
        }
        caller.requireShelterAccess(p.shelterId, "Placement");
        return p;
    }

    @Transactional
    public PlacementView read(UUID id) {
        Placement p = visible(id);
        audit.record("placement.read", "placement", id);
        return PlacementView.of(p);
    }
}
