package org.acse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.acse.notification.channel.WebhookAddresses;
import org.acse.suite.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The webhook call goes to the address that was checked, resolved once, with the URL's host kept. */
class WebhookSenderTest {
    static final String SECRET = "whsec_c2hlbHRlci13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5";
    static final Vertx vertx = Vertx.vertx();
    static final WebhookReceiver receiver = new WebhookReceiver();

    final List<String> lookups = new CopyOnWriteArrayList<>();

    @AfterAll
    static void close() {
        receiver.close();
        vertx.close();
    }

    /** A resolver that answers {@code answer} for every name, and remembers each question. */
    WebhookAddresses resolvingTo(String answer, Set<String> allowed) {
        return new WebhookAddresses(allowed, host -> {
            lookups.add(host);
            return new InetAddress[] {InetAddress.getByName(answer)};
        });
    }

    @Test
    void connectsToTheCheckedAddressWithTheHostHeaderOfTheUrl() {
        int port = URI.create(receiver.url("/")).getPort();
        // the partner's name resolves (once) to where the receiver listens; the name is allowed, loopback is not
        WebhookSender sender = new WebhookSender(
                vertx, Duration.ofSeconds(5), resolvingTo("127.0.0.1", Set.of("hooks.partner.example")));
        String path = "/pinned-" + UUID.randomUUID();

        String error = sender.send(
                "http://hooks.partner.example:" + port + path + "?v=1",
                SECRET,
                UUID.randomUUID(),
                "org.acse.placement.proposed.v1",
                "{\"n\":1}");

        assertThat(error).isNull();
        assertThat(lookups).containsExactly("hooks.partner.example");
        WebhookReceiver.Delivery delivery = receiver.deliveries(path).get(0);
        assertThat(delivery.header("Host")).isEqualTo("hooks.partner.example:" + port);
        assertThat(delivery.body()).isEqualTo("{\"n\":1}");
        assertThat(delivery.header("webhook-signature")).startsWith("v1,");
    }

    @Test
    void refusesAPrivateAddressWithoutCallingIt() {
        WebhookSender sender =
                new WebhookSender(vertx, Duration.ofSeconds(5), resolvingTo("169.254.169.254", Set.of()));

        String error =
                sender.send("http://hooks.partner.example/latest/meta-data", SECRET, UUID.randomUUID(), "t", "{}");

        assertThat(error).isEqualTo("refused-cloud-metadata").startsWith(WebhookSender.REFUSED);
        assertThat(error).doesNotContain("partner");
        assertThat(lookups).hasSize(1);
    }

    @Test
    void aNameThatDoesNotResolveIsARetryableFailure() {
        WebhookSender sender = new WebhookSender(vertx, Duration.ofSeconds(5), new WebhookAddresses(Set.of(), host -> {
            throw new UnknownHostException(host);
        }));

        String error = sender.send("https://gone.partner.example/", SECRET, UUID.randomUUID(), "t", "{}");

        assertThat(error).isEqualTo("unresolved-host").doesNotStartWith(WebhookSender.REFUSED);
    }
}
