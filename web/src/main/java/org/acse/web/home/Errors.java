package org.acse.web.home;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.acse.web.api.ApiRefusal;
import org.acse.web.i18n.Msg;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service's refusal as a page in words; a service out of reach is a 502 saying to try again, never a 500. */
public class Errors {
    private static final Logger LOG = Logger.getLogger(Errors.class);

    @Inject
    Pages pages;

    @Location("home/error.html")
    Template error;

    @ServerExceptionMapper
    public Response refused(ApiRefusal refusal) {
        Msg msg = pages.words().msg();
        int status = refusal.unavailable() ? 502 : refusal.status();
        String text = switch (status) {
            case 404 -> msg.notFound();
            case 409 -> msg.conflict();
            case 502 -> msg.unavailable();
            default -> msg.refused();
        };
        // The status and the problem's type only: never a body, which could hold what the person typed.
        LOG.infof(
                "service answered %d (%s)",
                refusal.status(),
                refusal.problem() == null
                        ? "no problem document"
                        : refusal.problem().slug());
        return page(status, text);
    }

    /**
     * A forged or mangled CSRF token (not even Base64) makes the CSRF filter throw: it is a refused request (400),
     * like a missing token, not a server error.
     */
    @ServerExceptionMapper
    public Response malformed(IllegalArgumentException e) {
        boolean csrf =
                Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("io.quarkus.csrf"));
        if (csrf) {
            LOG.info("state change refused: malformed CSRF token");
            // no form on this page: the request's CSRF token was never set
            return Response.status(400)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(pages.page(error)
                            .data("message", pages.words().msg().refused())
                            .data("forms", false))
                    .build();
        }
        LOG.errorf("unexpected %s", e.getClass().getName());
        return page(500, pages.words().msg().unavailable());
    }

    private Response page(int status, String text) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page(error).data("message", text))
                .build();
    }
}
