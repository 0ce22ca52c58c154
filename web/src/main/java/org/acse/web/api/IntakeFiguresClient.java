package org.acse.web.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's figures: the types of exploitation. */
@RegisterRestClient(configKey = "intake")
@RegisterClientHeaders(UserToken.class)
public interface IntakeFiguresClient extends FiguresClient {}
