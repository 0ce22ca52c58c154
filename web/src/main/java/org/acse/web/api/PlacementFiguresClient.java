package org.acse.web.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** placement-service's figures: delays, declines, no-match. */
@RegisterRestClient(configKey = "placement")
@RegisterClientHeaders(UserToken.class)
public interface PlacementFiguresClient extends FiguresClient {}
