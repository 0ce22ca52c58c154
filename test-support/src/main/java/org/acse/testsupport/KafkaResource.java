package org.acse.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.acse.suite.KafkaBroker;

/** The real in-process Kafka broker, with the suite's topics, for Quarkus tests. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers",
                KafkaBroker.shared().withSuiteTopics().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped at exit
    }
}
