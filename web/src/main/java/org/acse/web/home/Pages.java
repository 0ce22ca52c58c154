package org.acse.web.home;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.acse.web.i18n.Lang;
import org.acse.web.i18n.Words;

/** What every page shows around its content: language, the person signed in, their home, the language switch. */
@RequestScoped
public class Pages {
    public static final String PARTNER = "partner";
    public static final String STAFF = "shelter-staff";
    public static final String COORDINATOR = "coordinator";

    @Inject
    HttpHeaders headers;

    @Inject
    UriInfo uri;

    @Inject
    SecurityIdentity identity;

    private Words words;

    public Locale locale() {
        return Lang.of(headers);
    }

    public Words words() {
        if (words == null) {
            words = Words.of(locale());
        }
        return words;
    }

    public TemplateInstance page(Template template) {
        Locale locale = locale();
        TemplateInstance page = template.instance();
        page.setLocale(locale);
        String path = uri.getRequestUri().getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        return page.data("lang", locale.getLanguage())
                .data("w", words())
                .data(
                        "user",
                        identity.isAnonymous() ? null : identity.getPrincipal().getName())
                .data("homePath", home(identity))
                .data("forms", true)
                .data("here", query == null ? path : path + "?" + query);
    }

    /** The role's home; a person with no role of the suite gets the page that says so. */
    public static String home(SecurityIdentity identity) {
        if (identity.hasRole(COORDINATOR)) {
            return "/coordinator";
        }
        if (identity.hasRole(STAFF)) {
            return "/staff";
        }
        if (identity.hasRole(PARTNER)) {
            return "/partner";
        }
        return "/no-role";
    }
}
