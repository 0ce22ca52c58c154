package org.acse.intake.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.acse.intake.referral.IntakeConfig;
import org.acse.platform.problem.Problem;

/**
 * Admission control in front of {@code POST /api/v1/referrals}: past {@code acse.intake.admission.max-in-flight}
 * submissions being served, the next one is answered at once, on the event loop, with 503, {@code Retry-After} and a
 * problem document, before its token is verified or its body read, so that nothing of it is stored and a refusal
 * costs almost nothing. Reads (GET), the other operations, health and metrics are never refused here.
 */
@ApplicationScoped
public class SubmissionAdmission {
    static final String SUBMISSIONS = "/api/v1/referrals";

    /** Before authentication (Quarkus's filter at order -200), whose RS256 check is the costliest step on the loop. */
    static final int ORDER = -250;

    static final String RETRY_AFTER_SECONDS = "1";

    static final String PROBLEM = new JsonObject()
            .put("type", Problem.TYPE_PREFIX + "overloaded")
            .put("title", "Service surchargé")
            .put("status", 503)
            .put(
                    "detail",
                    "Trop de signalements sont en cours de traitement : celui-ci n'a pas été enregistré. Renvoyez-le"
                            + " après le délai de Retry-After, avec la même Idempotency-Key. (Too many referrals in"
                            + " progress: this one was not stored. Send it again after Retry-After.)")
            .encode();

    @Inject
    IntakeConfig config;

    @Inject
    MeterRegistry meters;

    void install(@Observes Router router) {
        InFlightLimit limit = new InFlightLimit(config.admission().maxInFlight());
        Counter refused = Counter.builder("acse.intake.admission.refused")
                .description("Submissions refused with 503 because the service was serving its maximum")
                .register(meters);
        Gauge.builder("acse.intake.admission.in.flight", limit, InFlightLimit::inFlight)
                .description("Submissions being served")
                .register(meters);
        router.post(SUBMISSIONS).order(ORDER).handler(rc -> {
            if (!limit.tryEnter()) {
                refused.increment();
                rc.response()
                        .setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .end(PROBLEM);
                return;
            }
            // Called once the answer is sent or the connection is lost: the place is never kept by a gone client.
            rc.addEndHandler(ended -> limit.leave());
            rc.next();
        });
    }
}
