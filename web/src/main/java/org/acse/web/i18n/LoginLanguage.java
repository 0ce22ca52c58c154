package org.acse.web.i18n;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keycloak's login page in the person's language: French unless they chose English here, whatever language their
 * browser asks for (the realm offers fr and en, fr by default).
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class LoginLanguage implements OidcRedirectFilter {
    @Override
    public void filter(OidcRedirectContext context) {
        Cookie chosen = context.routingContext().request().getCookie(Lang.COOKIE);
        context.additionalQueryParams()
                .add(
                        "ui_locales",
                        Lang.of(chosen == null ? null : chosen.getValue()).getLanguage());
    }
}
