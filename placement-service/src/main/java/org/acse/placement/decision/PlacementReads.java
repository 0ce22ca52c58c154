package org.acse.placement.decision;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.page.Filter;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
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
    public Page<PlacementView> list(UUID referralId, UUID shelterId, PlacementStatus status, PageRequest page) {
        if (!caller.isCoordinator()) {
            UUID own = caller.shelterId().orElseThrow(() -> ProblemException.notFound("Shelter"));
            if (shelterId != null) {
                caller.requireShelterAccess(shelterId, "Shelter");
            }
            shelterId = own;
        }
        Filter filter = Filter.where()
                .optionalEqual("referralId", referralId)
                .optionalEqual("shelterId", shelterId)
                .optionalEqual("status", status);
        audit.record("placement.list", "shelter", shelterId == null ? "*" : shelterId);
        return Page.of(
                Placement.<Placement>find(
                        filter.query(), Sort.descending("createdAt").and("id"), filter.params()),
                page,
                PlacementView::of);
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
