package org.acse.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the suite puts each service, before anything starts. */
class SuiteTest {

    @Test
    void theLaunchersSuiteAnswersOnTheReadmesPorts() {
        Suite suite = Suite.builder(Path.of(".")).fixedPorts().build();

        assertThat(suite.services()).containsExactly(Suite.INTAKE, Suite.PLACEMENT, Suite.NOTIFICATION, Suite.WEB);
        assertThat(List.of(
                        suite.url(Suite.WEB),
                        suite.url(Suite.INTAKE),
                        suite.url(Suite.PLACEMENT),
                        suite.url(Suite.NOTIFICATION)))
                .containsExactly(
                        "http://127.0.0.1:8080",
                        "http://127.0.0.1:8081",
                        "http://127.0.0.1:8082",
                        "http://127.0.0.1:8083");
        assertThat(FixedPorts.management(Suite.INTAKE)).isEqualTo(9081);
    }

    @Test
    void aTestSuiteTakesFreePortsAndOnlyTheServicesAskedFor() {
        Suite suite = Suite.builder(Path.of("."))
                .services(List.of(Suite.INTAKE, Suite.PLACEMENT))
                .instances(Suite.PLACEMENT, 2)
                .build();

        assertThat(suite.services()).containsExactly(Suite.INTAKE, Suite.PLACEMENT);
        assertThat(suite.url(Suite.INTAKE))
                .isNotEqualTo(suite.url(Suite.PLACEMENT))
                .isNotEqualTo("http://127.0.0.1:8081");
        assertThat(suite.instances(Suite.PLACEMENT)).isEmpty();
        assertThatThrownBy(() -> suite.service(Suite.WEB)).hasMessageContaining("no web in this suite");
        assertThatThrownBy(() -> Suite.builder(Path.of(".")).instances(Suite.INTAKE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
