package org.acse.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for the servers the tests start (broker, Keycloak, SMTP, the packaged services).
 *
 * <p>A port is picked <em>below</em> the kernel's ephemeral range (32768–60999 on Linux). A port from
 * {@code new ServerSocket(0)} is inside that range, so between being picked and being bound it can be taken as the
 * local port of any outgoing connection (JDBC, Kafka clients, Keycloak) — which once made a service fail to bind in
 * CI. Ports handed out by this JVM are never handed out twice.
 */
public final class Ports {
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {}

    /** A port nothing listens on now, on 127.0.0.1, that this JVM has not handed out before. */
    public static int free() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
