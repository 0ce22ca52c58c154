package org.acse.notification.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may point (SSRF): not at this machine, the cluster's private networks or a cloud's metadata
 * service, whose answers or side effects a partner's URL could otherwise reach through the service. A host of the
 * allow list is exempt (tests and local runs deliver to receivers on loopback). A host name is resolved once; the
 * caller connects to the address that was checked, so a second lookup cannot answer differently.
 */
public final class WebhookAddresses {
    /** Why an address is refused; {@link #code()} is what a failed delivery records. */
    public enum Refusal {
        LOOPBACK,
        PRIVATE,
        LINK_LOCAL,
        UNIQUE_LOCAL,
        MULTICAST,
        CLOUD_METADATA,
        UNSPECIFIED,
        RESERVED;

        public String code() {
            return "refused-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The outcome of a check: the address to connect to, or why none. */
    public sealed interface Outcome {}

    public record Pinned(InetAddress address) implements Outcome {}

    public record Refused(Refusal reason) implements Outcome {}

    /** The host name does not resolve (now): not refused, the next attempt resolves again. */
    public record Unresolved() implements Outcome {}

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Names of metadata services that resolve only inside a cloud. */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata");

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public WebhookAddresses(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts =
                allowedHosts.stream().map(WebhookAddresses::normalise).collect(Collectors.toSet());
        this.resolver = resolver;
    }

    public WebhookAddresses(Set<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    /** Checks the host of a URL ({@code URI.getHost()}, brackets of an IPv6 literal allowed). */
    public Outcome check(String host) {
        String name = normalise(host);
        if (METADATA_HOSTS.contains(name) && !allowedHosts.contains(name)) {
            return new Refused(Refusal.CLOUD_METADATA);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return new Unresolved();
        }
        if (addresses.length == 0) {
            return new Unresolved();
        }
        if (!allowedHosts.contains(name)) {
            // Every address the name has, not only the first: a resolver may hand them out in any order.
            for (InetAddress address : addresses) {
                Optional<Refusal> refusal = refusal(address);
                if (refusal.isPresent()) {
                    return new Refused(refusal.get());
                }
            }
        }
        return new Pinned(addresses[0]);
    }

    /** Why an address may not receive webhooks, if it may not. */
    public static Optional<Refusal> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                return ipv4(embedded);
            }
            return ipv6(b);
        }
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        return Optional.of(Refusal.RESERVED);
    }

    private static Optional<Refusal> ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if ((a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) // AWS, GCP, Azure, OpenStack…
                || (a0 == 169 && a1 == 254 && a2 == 170 && a3 == 2) // AWS ECS task metadata
                || (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200)) { // Alibaba Cloud
            return Optional.of(Refusal.CLOUD_METADATA);
        }
        if (a0 == 0) {
            return Optional.of(Refusal.UNSPECIFIED);
        }
        if (a0 == 127) {
            return Optional.of(Refusal.LOOPBACK);
        }
        if (a0 == 10
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 100 && a1 >= 64 && a1 <= 127)) { // carrier-grade NAT, private to the provider
            return Optional.of(Refusal.PRIVATE);
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(Refusal.LINK_LOCAL);
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of(Refusal.MULTICAST);
        }
        if (a0 >= 240 // reserved and the broadcast address
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 198 && (a1 == 18 || a1 == 19))) { // benchmarking
            return Optional.of(Refusal.RESERVED);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> ipv6(byte[] b) {
        boolean zeroUpTo15 = Arrays.equals(Arrays.copyOf(b, 15), new byte[15]);
        if (zeroUpTo15 && b[15] == 1) {
            return Optional.of(Refusal.LOOPBACK);
        }
        if (zeroUpTo15 && b[15] == 0) {
            return Optional.of(Refusal.UNSPECIFIED);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfd
                && second == 0x00
                && (b[2] & 0xff) == 0x0e
                && (b[3] & 0xff) == 0xc2
                && Arrays.equals(Arrays.copyOfRange(b, 4, 14), new byte[10])
                && (b[14] & 0xff) == 0x02
                && (b[15] & 0xff) == 0x54) {
            return Optional.of(Refusal.CLOUD_METADATA); // fd00:ec2::254, AWS over IPv6
        }
        if (first == 0xff) {
            return Optional.of(Refusal.MULTICAST);
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of(Refusal.LINK_LOCAL); // fe80::/10
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of(Refusal.PRIVATE); // fec0::/10, the deprecated site-local
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of(Refusal.UNIQUE_LOCAL); // fc00::/7
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of(Refusal.RESERVED); // 2001:db8::/32, documentation
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv6 one that reaches it: IPv4-mapped {@code ::ffff:a.b.c.d}, the old
     * IPv4-compatible {@code ::a.b.c.d} and the NAT64 prefix {@code 64:ff9b::/96}; null for any other.
     */
    private static byte[] embeddedIpv4(byte[] b) {
        byte[] head = Arrays.copyOf(b, 12);
        boolean mapped =
                Arrays.equals(Arrays.copyOf(b, 10), new byte[10]) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean loopbackOrUnspecified = b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1);
        boolean compatible = Arrays.equals(head, new byte[12]) && !loopbackOrUnspecified;
        boolean nat64 = Arrays.equals(head, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
        return mapped || compatible || nat64 ? Arrays.copyOfRange(b, 12, 16) : null;
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
