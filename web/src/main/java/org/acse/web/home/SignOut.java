package org.acse.web.home;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Se déconnecter": a form (POST with the CSRF token, so that no other site can sign a person out with a link) that
 * ends the session here, then in Keycloak (RP-initiated logout with the ID token, back on the home, which asks for
 * the login again). Not quarkus-oidc's logout path: that one answers any request, a cross-site GET included.
 */
@Path("/logout")
public class SignOut {
    @Inject
    OidcSession session;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcConfigurationMetadata provider;

    @Inject
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@RestForm("csrf-token") String checkedByTheCsrfFilter) {
        String hint = idToken.getRawToken();
        String home = uri.getBaseUriBuilder()
                .replacePath("/")
                .replaceQuery(null)
                .build()
                .toString();
        return session.logout()
                .map(done -> Response.seeOther(UriBuilder.fromUri(provider.getEndSessionUri())
                                .queryParam("id_token_hint", hint)
                                .queryParam("post_logout_redirect_uri", home)
                                .build())
                        .build());
    }
}
