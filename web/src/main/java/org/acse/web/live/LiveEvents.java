package org.acse.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * What the browser is told of an item of notification-service's stream: only that something changed, and an id, so
 * the page reads what changed through the owning services as on any load. Names: {@code proposal} (a new proposal
 * for the shelter), {@code alert} (any other alert change), {@code referral} (a referral's status), {@code ping}.
 */
public final class LiveEvents {
    public record Relay(String name, String data) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty for an item this version does not understand. */
    public static Optional<Relay> of(String item) {
        JsonNode event;
        try {
            event = JSON.readTree(item);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (event == null) {
            return Optional.empty();
        }
        return switch (event.path("type").asText()) {
            case "ping" -> Optional.of(new Relay("ping", "-"));
            case "referral" -> id(event.path("referral").path("referralId")).map(id -> new Relay("referral", id));
            case "alert" -> {
                JsonNode alert = event.path("alert");
                boolean newProposal = "PROPOSAL".equals(alert.path("kind").asText())
                        && "OPEN".equals(alert.path("status").asText())
                        && alert.path("createdAt")
                                .asText()
                                .equals(alert.path("updatedAt").asText());
                yield id(alert.path("id")).map(id -> new Relay(newProposal ? "proposal" : "alert", id));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<String> id(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private LiveEvents() {}
}
