package org.acse.intake.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acse.common.figures.ExploitationRow;
import org.acse.common.figures.FigureTable;
import org.acse.platform.figures.FigureRequest;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The coordinators' figures of intake: counts only; a cell of fewer than five referrals is suppressed (ADR 15). */
@Path("/api/v1/figures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
@Tag(
        name = "figures",
        description = "Counts for coordinators, grouped by month, region or urgency; a cell of fewer than five"
                + " referrals is suppressed.")
public class FiguresResource {
    @Inject
    ReferralFigures figures;

    @GET
    @Path("/exploitation")
    @Operation(
            operationId = "figureExploitation",
            summary = "Types of exploitation of the referrals",
            description = "How many referrals named each type of exploitation (a referral may name several); with"
                    + " `scheme`, the referrals that asked for that scheme. Coordinators only.")
    public FigureTable<ExploitationRow> exploitation(@BeanParam FigureRequest request) {
        return figures.exploitation(request.parse());
    }
}
