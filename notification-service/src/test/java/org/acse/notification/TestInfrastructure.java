package org.acse.notification;

import io.quarkus.test.common.QuarkusTestResource;
import org.acse.testsupport.KafkaResource;
import org.acse.testsupport.OidcResource;
import org.acse.testsupport.PostgresResource;

/** Every test of this service runs against a real broker, a fresh real database and real signed tokens;
 * e-mail goes to a real in-process SMTP server. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(GreenMailResource.class)
public class TestInfrastructure {
}
