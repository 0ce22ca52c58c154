package org.acse.web.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's audit log. */
@RegisterRestClient(configKey = "intake")
@RegisterClientHeaders(UserToken.class)
public interface IntakeAuditClient extends AuditClient {}
