package org.acse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.acse.notification.channel.WebhookAddresses.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressesTest {
    private static final WebhookAddresses NOTHING_ALLOWED = new WebhookAddresses(Set.of());

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "::1, LOOPBACK",
        "0.0.0.0, UNSPECIFIED",
        "::, UNSPECIFIED",
        "10.1.2.3, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.10, PRIVATE",
        "100.64.0.1, PRIVATE",
        "169.254.1.1, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "fc00::1, UNIQUE_LOCAL",
        "fd12:3456::1, UNIQUE_LOCAL",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "ff02::1, MULTICAST",
        "169.254.169.254, CLOUD_METADATA",
        "169.254.170.2, CLOUD_METADATA",
        "100.100.100.200, CLOUD_METADATA",
        "fd00:ec2::254, CLOUD_METADATA",
        "255.255.255.255, RESERVED",
        "240.0.0.1, RESERVED",
        // IPv4 inside IPv6: mapped, compatible, NAT64
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:10.0.0.1, PRIVATE",
        "::ffff:169.254.169.254, CLOUD_METADATA",
        "::10.0.0.1, PRIVATE",
        "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
        "64:ff9b::7f00:1, LOOPBACK",
        // shorthand forms of 127.0.0.1
        "127.1, LOOPBACK",
        "2130706433, LOOPBACK"
    })
    void refusesAddressesInsideTheNetworkOrTheMachine(String literal, Refusal expected) {
        assertThat(NOTHING_ALLOWED.check(literal)).isEqualTo(new WebhookAddresses.Refused(expected));
        assertThat(NOTHING_ALLOWED.check("[" + literal + "]")).isEqualTo(new WebhookAddresses.Refused(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "192.169.0.1", "2a00:1450:4007:80e::200e"})
    void letsPublicAddressesThrough(String literal) throws UnknownHostException {
        assertThat(NOTHING_ALLOWED.check(literal))
                .isEqualTo(new WebhookAddresses.Pinned(InetAddress.getByName(literal)));
        assertThat(WebhookAddresses.refusal(InetAddress.getByName(literal))).isEqualTo(Optional.empty());
    }

    @Test
    void refusesCloudMetadataNamesWithoutAskingTheResolver() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookAddresses addresses = new WebhookAddresses(Set.of(), host -> {
            lookups.incrementAndGet();
            throw new UnknownHostException(host);
        });
        assertThat(addresses.check("metadata.google.internal"))
                .isEqualTo(new WebhookAddresses.Refused(Refusal.CLOUD_METADATA));
        assertThat(addresses.check("Metadata.Google.Internal."))
                .isEqualTo(new WebhookAddresses.Refused(Refusal.CLOUD_METADATA));
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aNameIsRefusedIfAnyOfItsAddressesIsAndOtherwisePinnedToTheFirst() throws UnknownHostException {
        InetAddress publicOne = InetAddress.getByName("93.184.215.14");
        InetAddress privateOne = InetAddress.getByName("10.0.0.7");
        Map<String, List<InetAddress>> dns = Map.of(
                "mixed.partner.example", List.of(publicOne, privateOne),
                "hooks.partner.example", List.of(publicOne));
        AtomicInteger lookups = new AtomicInteger();
        WebhookAddresses addresses = new WebhookAddresses(Set.of(), host -> {
            lookups.incrementAndGet();
            List<InetAddress> found = dns.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found.toArray(InetAddress[]::new);
        });
        assertThat(addresses.check("mixed.partner.example")).isEqualTo(new WebhookAddresses.Refused(Refusal.PRIVATE));
        assertThat(addresses.check("hooks.partner.example")).isEqualTo(new WebhookAddresses.Pinned(publicOne));
        assertThat(addresses.check("unknown.partner.example")).isEqualTo(new WebhookAddresses.Unresolved());
        assertThat(lookups).as("one lookup per check").hasValue(3);
    }

    @Test
    void aHostOfTheAllowListIsNotCheckedButStillPinned() throws UnknownHostException {
        WebhookAddresses addresses = new WebhookAddresses(Set.of("127.0.0.1", "LocalHost"));
        assertThat(addresses.check("127.0.0.1"))
                .isEqualTo(new WebhookAddresses.Pinned(InetAddress.getByName("127.0.0.1")));
        assertThat(addresses.check("localhost")).isInstanceOf(WebhookAddresses.Pinned.class);
        // only the names listed: another spelling of loopback is still refused
        assertThat(addresses.check("127.0.0.2")).isEqualTo(new WebhookAddresses.Refused(Refusal.LOOPBACK));
        assertThat(addresses.check("::1")).isEqualTo(new WebhookAddresses.Refused(Refusal.LOOPBACK));
    }

    @Test
    void refusalCodesAreWhatAFailedDeliveryRecords() {
        assertThat(Refusal.CLOUD_METADATA.code()).isEqualTo("refused-cloud-metadata");
        assertThat(Refusal.LOOPBACK.code()).isEqualTo("refused-loopback");
    }
}
