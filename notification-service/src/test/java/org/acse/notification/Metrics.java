package org.acse.notification;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import org.acse.testsupport.PrometheusScrape;

/** Reads this service's /q/metrics. */
final class Metrics {
    private Metrics() {}

    /** A sample's current value, summed over the labels not given, e.g. {@code value("x_total", "channel", "email")}. */
    static double value(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return new PrometheusScrape(given().get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .sum(name, wanted);
    }
}
