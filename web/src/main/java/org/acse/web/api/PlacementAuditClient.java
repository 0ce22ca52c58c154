package org.acse.web.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** placement-service's audit log. */
@RegisterRestClient(configKey = "placement")
@RegisterClientHeaders(UserToken.class)
public interface PlacementAuditClient extends AuditClient {}
