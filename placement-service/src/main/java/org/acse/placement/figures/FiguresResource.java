package org.acse.placement.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acse.common.figures.DeclineRow;
import org.acse.common.figures.DelayRow;
import org.acse.common.figures.FigureTable;
import org.acse.common.figures.NoMatchRow;
import org.acse.platform.figures.FigureRequest;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The coordinators' figures of placement: counts and delays only, nothing about a person; a cell that counts fewer
 * than five referrals is suppressed (ADR 15).
 */
@Path("/api/v1/figures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
@Tag(
        name = "figures",
        description = "Counts and delays for coordinators, grouped by month, region or urgency; a cell of fewer"
                + " than five referrals is suppressed.")
public class FiguresResource {
    @Inject
    FigureReads reads;

    @GET
    @Path("/delays")
    @Operation(
            operationId = "figureDelays",
            summary = "Delays from submission to proposal, acceptance and arrival",
            description = "Median and 90th percentile in minutes, with how many referrals reached each step; with"
                    + " `scheme`, the proposals, acceptances and arrivals in that scheme's shelters. Coordinators"
                    + " only.")
    public FigureTable<DelayRow> delays(@BeanParam FigureRequest request) {
        return reads.delays(request.parse());
    }

    @GET
    @Path("/declines")
    @Operation(
            operationId = "figureDeclines",
            summary = "Declined proposals by reason",
            description = "How many proposals shelters declined, for each reason; with `scheme`, the declines of"
                    + " that scheme's shelters. Coordinators only.")
    public FigureTable<DeclineRow> declines(@BeanParam FigureRequest request) {
        return reads.declines(request.parse());
    }

    @GET
    @Path("/no-match")
    @Operation(
            operationId = "figureNoMatch",
            summary = "Referrals that found no place",
            description = "Of the referrals submitted, how many found no place at least once, and that share; with"
                    + " `scheme`, the referrals that asked for that scheme. Coordinators only.")
    public FigureTable<NoMatchRow> noMatch(@BeanParam FigureRequest request) {
        return reads.noMatch(request.parse());
    }
}
