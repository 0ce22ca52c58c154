package org.acse.web.partner;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.acse.web.api.Api;
import org.acse.web.api.ApiRefusal;
import org.acse.web.api.IntakeClient;
import org.acse.web.api.Views;
import org.acse.web.home.Pages;
import org.acse.web.i18n.Words;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The partner's home: the organisation's referrals (intake decides which), the referral form, a referral's status
 * and timeline in words, withdrawal. Never a shelter: intake gives partners none.
 */
@Path("/partner")
@Produces(MediaType.TEXT_HTML)
public class PartnerResource {
    static final int PAGE_SIZE = 20;

    @Inject
    Pages pages;

    @Inject
    @RestClient
    IntakeClient intake;

    @Location("partner/list.html")
    Template list;

    @Location("partner/form.html")
    Template form;

    @Location("partner/referral.html")
    Template referral;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page) {
        String filter = status != null && Words.REFERRAL_STATUSES.contains(status) ? status : null;
        int current = Math.max(0, page);
        Views.ReferralPage found = Api.read(() -> intake.list(filter, current, PAGE_SIZE), Views.ReferralPage.class);
        int pages = (int) Math.max(1, (found.total + PAGE_SIZE - 1) / PAGE_SIZE);
        return this.pages
                .page(list)
                .data("referrals", found.items)
                .data("total", found.total)
                .data("status", filter == null ? "" : filter)
                .data("pages", pages)
                .data("pageNumber", current + 1)
                .data("hasPrev", current > 0)
                .data("prevPage", current - 1)
                .data("hasNext", current + 1 < pages)
                .data("nextPage", current + 1);
    }

    @GET
    @Path("referrals/new")
    public TemplateInstance blank() {
        return form(ReferralForm.blank());
    }

    /**
     * Sends the form to intake with the form's own {@code Idempotency-Key}: a second click, a resent POST or a retry
     * after a lost answer is the same referral. Intake's field errors come back next to the fields.
     */
    @POST
    @Path("referrals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(@BeanParam ReferralFields fields) {
        ReferralForm filled = ReferralForm.read(fields.asMap());
        Map<String, Object> body = filled.toRequest(pages.words().msg());
        if (filled.hasErrors()) {
            return Response.status(400).entity(form(filled)).build();
        }
        try {
            Views.Submitted created = Api.read(() -> intake.submit(filled.idempotencyKey, body), Views.Submitted.class);
            return Response.seeOther(URI.create("/partner/referrals/" + created.id() + "?submitted=true"))
                    .build();
        } catch (ApiRefusal refusal) {
            if (refusal.unavailable()) {
                throw refusal;
            }
            filled.refusedBy(refusal.problem(), pages.words().msg());
            return Response.status(refusal.status() == 422 ? 422 : 400)
                    .entity(form(filled))
                    .build();
        }
    }

    @GET
    @Path("referrals/{id}")
    public TemplateInstance referral(
            @PathParam("id") UUID id,
            @QueryParam("submitted") boolean submitted,
            @QueryParam("withdrawn") boolean withdrawn) {
        Views.Referral found = Api.read(() -> intake.get(id), Views.Referral.class);
        return pages.page(referral)
                .data("referral", found)
                .data("submitted", submitted)
                .data("withdrawn", withdrawn)
                .data("reasonError", false);
    }

    @POST
    @Path("referrals/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object withdraw(@PathParam("id") UUID id, @RestForm String reason) {
        if (reason == null || reason.isBlank()) {
            Views.Referral found = Api.read(() -> intake.get(id), Views.Referral.class);
            return Response.status(400)
                    .entity(pages.page(referral)
                            .data("referral", found)
                            .data("submitted", false)
                            .data("withdrawn", false)
                            .data("reasonError", true))
                    .build();
        }
        Api.read(() -> intake.withdraw(id, Map.of("reason", reason.trim())), Void.class);
        return Response.seeOther(URI.create("/partner/referrals/" + id + "?withdrawn=true"))
                .build();
    }

    private TemplateInstance form(ReferralForm filled) {
        return pages.page(form).data("form", filled);
    }
}
