package org.acse.web.coordinator;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.web.api.Api;
import org.acse.web.api.ApiRefusal;
import org.acse.web.api.PlacementClient;
import org.acse.web.api.Problem;
import org.acse.web.home.Pages;
import org.acse.web.i18n.Words;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The coordinators' shelter registry: the list (paged, searched by code or name), a shelter's form to create or
 * edit it with its units and its scheme, and its deactivation. placement-service judges every change; its field
 * errors are shown next to the fields.
 */
@Path("/coordinator/shelters")
@Produces(MediaType.TEXT_HTML)
public class ShelterPages {
    static final int PAGE = 20;

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlacementClient placement;

    @Location("coordinator/shelters.html")
    Template list;

    @Location("coordinator/shelter.html")
    Template form;

    @TemplateData
    public record Row(String id, String code, String name, String place, String active, String units, String scheme) {}

    @TemplateData
    public record Choice(String code, String label) {}

    public record Summary(
            UUID id,
            String code,
            String name,
            String communeCode,
            String departmentCode,
            boolean active,
            int units,
            int freeUnits,
            String schemeCode) {}

    public record SummaryPage(List<Summary> items, int page, int size, long total) {}

    public record Unit(UUID id, int capacity, String status) {}

    public record Accepts(List<String> genders, boolean families, int maxChildren) {}

    public record SchemeRef(String code) {}

    public record Shelter(
            UUID id,
            String code,
            String name,
            String communeCode,
            String address,
            Accepts accepts,
            boolean wheelchairAccessible,
            List<String> support,
            List<String> languages,
            boolean active,
            List<Unit> units,
            SchemeRef scheme) {}

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page) {
        Words w = pages.words();
        String search = q == null ? "" : q.strip();
        int at = Math.max(0, Math.min(page, 10_000));
        SummaryPage found =
                Api.read(() -> placement.shelters(search.isEmpty() ? null : search, at, PAGE), SummaryPage.class);
        List<Row> rows = found.items().stream()
                .map(s -> new Row(
                        s.id().toString(),
                        s.code(),
                        s.name(),
                        s.departmentCode(),
                        s.active() ? coord().shelterActive() : coord().shelterInactive(),
                        coord().shelterUnits(s.units(), s.freeUnits()),
                        s.schemeCode() == null ? "—" : s.schemeCode()))
                .toList();
        int pagesCount = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (found.total() + PAGE - 1) / PAGE));
        return pages.page(list)
                .data("rows", rows)
                .data("q", search)
                .data("total", (int) Math.min(found.total(), Integer.MAX_VALUE))
                .data("pageNumber", at + 1)
                .data("pages", pagesCount)
                .data("prevPage", at > 0 ? at - 1 : null)
                .data("nextPage", at + 1 < pagesCount ? at + 1 : null);
    }

    @GET
    @Path("new")
    public TemplateInstance blank() {
        ShelterForm f = new ShelterForm();
        f.active = "on";
        f.genders = List.of("FEMALE");
        f.newUnits = "1";
        return formInstance(f, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam ShelterForm f) {
        Map<String, Object> body = f.body(coord());
        if (!f.errors.isEmpty()) {
            return formPage(f, null, 400);
        }
        try {
            Shelter created = Api.read(() -> placement.createShelter(body), Shelter.class);
            return Response.seeOther(URI.create("/coordinator/shelters/" + created.id() + "?done=saved"))
                    .build();
        } catch (ApiRefusal refusal) {
            return refused(f, null, refusal);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") UUID id, @QueryParam("done") String done) {
        Shelter s = Api.read(() -> placement.shelter(id), Shelter.class);
        return formInstance(of(s), s).data("done", "saved".equals(done) ? coord().shelterSaved() : null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, @BeanParam ShelterForm f) {
        Shelter current = Api.read(() -> placement.shelter(id), Shelter.class);
        Map<String, Object> body = f.body(coord());
        if (!f.errors.isEmpty()) {
            return formPage(f, current, 400);
        }
        try {
            Api.read(() -> placement.updateShelter(id, body), Void.class);
        } catch (ApiRefusal refusal) {
            return refused(f, current, refusal);
        }
        return Response.seeOther(URI.create("/coordinator/shelters/" + id + "?done=saved"))
                .build();
    }

    /** Deactivating keeps everything but takes the shelter out of matching: the same body, {@code active} false. */
    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("id") UUID id) {
        Shelter s = Api.read(() -> placement.shelter(id), Shelter.class);
        ShelterForm f = of(s);
        f.active = null;
        f.schemeCode = null;
        Map<String, Object> body = f.body(coord());
        Api.read(() -> placement.updateShelter(id, body), Void.class);
        return Response.seeOther(URI.create("/coordinator/shelters/" + id + "?done=saved"))
                .build();
    }

    private Response refused(ShelterForm f, Shelter current, ApiRefusal refusal) {
        if (refusal.status() == 400 && refusal.problem() != null) {
            for (Problem.FieldError e : refusal.problem().errors()) {
                f.apiError(e.field(), coord());
            }
            if (f.errors.isEmpty()) {
                f.errors.put("code", coord().shelterFieldInvalid());
            }
            return formPage(f, current, 400);
        }
        if (refusal.status() == 409 && refusal.problem() != null) {
            if ("duplicate-code".equals(refusal.problem().slug())) {
                f.errors.put("code", coord().shelterCodeTaken());
            } else {
                f.errors.put("schemeCode", coord().shelterSchemeTaken());
            }
            return formPage(f, current, 409);
        }
        throw refusal;
    }

    /** The form as the shelter is now; no scheme code sent back, so an update never moves it between schemes. */
    private static ShelterForm of(Shelter s) {
        ShelterForm f = new ShelterForm();
        f.code = s.code();
        f.name = s.name();
        f.communeCode = s.communeCode();
        f.address = s.address();
        f.genders = s.accepts().genders();
        f.families = s.accepts().families() ? "on" : null;
        f.maxChildren = String.valueOf(s.accepts().maxChildren());
        f.wheelchairAccessible = s.wheelchairAccessible() ? "on" : null;
        f.support = s.support();
        f.languages = String.join(", ", s.languages());
        f.active = s.active() ? "on" : null;
        f.unitId = s.units().stream().map(u -> u.id().toString()).toList();
        f.unitCapacity =
                s.units().stream().map(u -> String.valueOf(u.capacity())).toList();
        f.schemeCode = s.scheme() == null ? null : s.scheme().code();
        return f;
    }

    private Response formPage(ShelterForm f, Shelter current, int status) {
        return Response.status(status).entity(formInstance(f, current)).build();
    }

    private TemplateInstance formInstance(ShelterForm f, Shelter current) {
        Words w = pages.words();
        if (current != null) {
            f.unitStatuses = current.units().stream()
                    .map(u -> coord().unitStatus(u.capacity(), w.unitStatus(u.status())))
                    .toList();
        }
        List<Choice> genders = new ArrayList<>();
        for (String g : ShelterForm.GENDERS) {
            genders.add(new Choice(g, w.gender(g)));
        }
        List<Choice> support = new ArrayList<>();
        for (String s : ShelterForm.SUPPORT) {
            support.add(new Choice(s, support(s)));
        }
        List<Choice> schemes = new ArrayList<>();
        try {
            FiguresPage.SchemePage page = Api.read(() -> placement.schemes(0, 100), FiguresPage.SchemePage.class);
            page.items().forEach(s -> schemes.add(new Choice(s.code(), s.name())));
        } catch (ApiRefusal refusal) {
            if (refusal.unavailable()) {
                throw refusal;
            }
        }
        return pages.page(form)
                .data("f", f)
                .data("shelterId", current == null ? null : current.id().toString())
                .data("genders", genders)
                .data("supports", support)
                .data("schemes", schemes)
                .data("done", null);
    }

    String support(String code) {
        return switch (code) {
            case "PSYCHOLOGICAL" -> coord().supportPsychological();
            case "MEDICAL" -> coord().supportMedical();
            case "LEGAL" -> coord().supportLegal();
            case "FRENCH_LESSONS" -> coord().supportFrenchLessons();
            case "INTERPRETER" -> coord().supportInterpreter();
            case "SOCIAL" -> coord().supportSocial();
            case "CHILDCARE" -> coord().supportChildcare();
            default -> code;
        };
    }

    /** The texts of these pages in the person's language. */
    private CoordMsg coord() {
        return CoordTexts.of(pages.locale());
    }
}
