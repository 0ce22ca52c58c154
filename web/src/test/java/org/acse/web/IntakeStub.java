package org.acse.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for intake-service in this module's tests: records each call with its bearer
 * token and answers a referral list and withdrawals as intake does (the real intake runs in the end-to-end suite).
 */
final class IntakeStub implements AutoCloseable {
    static final UUID REFERRAL = UUID.fromString("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");
    static final String PSEUDONYM = "R-STUB0001";

    record Call(String method, String path, String query, String authorization, String idempotencyKey, String body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    IntakeStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/referrals", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    body));
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/referrals")) {
                // as intake: an unknown commune code is a 400 naming the field; otherwise 201
                boolean unknown = body.contains("\"99999\"");
                reply(
                        exchange,
                        unknown ? 400 : 201,
                        unknown
                                ? "{\"type\":\"urn:acse:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
                                        + "\"errors\":[{\"field\":\"dangerZones[0].communeCode\",\"message\":\"unknown commune\"}]}"
                                : "{\"id\":\"" + REFERRAL + "\",\"status\":\"SUBMITTED\",\"pseudonym\":\"" + PSEUDONYM
                                        + "\"}");
                return;
            }
            String summary =
                    "{\"id\":\"" + REFERRAL + "\",\"pseudonym\":\"" + PSEUDONYM + "\",\"status\":\"SEARCHING\","
                            + "\"urgency\":\"IMMEDIATE\",\"submittedAt\":\"2026-12-01T09:00:00Z\",\"updatedAt\":\"2026-12-01T09:00:02Z\"";
            String reply = path.endsWith("/referrals")
                    ? "{\"items\":[" + summary + "}],\"page\":0,\"size\":20,\"total\":1}"
                    : summary + ",\"timeline\":[{\"status\":\"SUBMITTED\",\"at\":\"2026-12-01T09:00:00Z\"}]}";
            reply(exchange, 200, reply);
        });
        server.start();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
