package org.acse.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.acse.testsupport.KafkaResource;
import org.acse.testsupport.OidcResource;
import org.acse.testsupport.PostgresResource;

/** Every test of this service runs against a real broker, a fresh real database and real signed tokens;
 * e-mail goes to a real in-process SMTP server. Global scope: the same resources for every test class, so that
 * they share one application instead of restarting it. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
public class TestInfrastructure {}
