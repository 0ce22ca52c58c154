package org.acse.web.home;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.acse.web.i18n.Lang;
import org.jboss.resteasy.reactive.RestForm;

@Path("/")
@TemplateData(target = Commune.class)
@Produces(MediaType.TEXT_HTML)
public class HomeResource {
    static final int MAX_COMMUNES = 10;

    @Inject
    SecurityIdentity identity;

    @Inject
    Pages pages;

    @Location("home/no-role.html")
    Template noRole;

    @Location("home/communes.html")
    Template communes;

    /** Each role lands on its own home. */
    @GET
    public Response home() {
        return Response.seeOther(URI.create(Pages.home(identity))).build();
    }

    @GET
    @Path("no-role")
    public TemplateInstance noRole() {
        return pages.page(noRole);
    }

    /** The language switch: a cookie holding {@code fr} or {@code en}, then back to the page (a local path only). */
    @POST
    @Path("lang")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@RestForm String lang, @RestForm String back) {
        Locale locale = Lang.of(lang);
        String target =
                back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
        NewCookie cookie = new NewCookie.Builder(Lang.COOKIE)
                .value(locale.getLanguage())
                .path("/")
                .maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX)
                .httpOnly(true)
                .build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }

    /** Communes of the gazetteer whose name starts with (then contains) what was typed, accents ignored. */
    @GET
    @Path("communes")
    public TemplateInstance communes(@QueryParam("q") String q) {
        return pages.page(communes).data("communes", search(Gazetteer.france(), q));
    }

    static List<Commune> search(Gazetteer gazetteer, String q) {
        return CommuneIndex.of(gazetteer).search(q, MAX_COMMUNES);
    }
}
