package org.acse.web.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's audit log. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(UserToken.class)
public interface NotificationAuditClient extends AuditClient {}
