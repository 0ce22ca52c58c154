package org.acse.notification.delivery;

/**
 * What a delivery carries: a JSON body (the webhook's, and the data of the e-mail templates) that starts with its
 * {@code kind} and the CloudEvent type it answers. The alert package writes them; delivery only sends them.
 */
public interface MessageBody {
    String kind();

    String event();
}
