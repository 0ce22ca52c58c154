package org.acse.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of event data. Unknown fields are ignored so that a newer producer never breaks an older
 * consumer (product §6).
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static String write(AcseEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.getClass().getSimpleName() + " cannot be serialised", e);
        }
    }

    /** @throws MalformedEventException when the data is not this type's JSON; the message holds no data. */
    public static <T extends AcseEvent> T read(String json, Class<T> type) {
        try {
            T event = MAPPER.readValue(json, type);
            if (event == null || event.referralId() == null) {
                throw new MalformedEventException(type.getSimpleName() + " without referralId");
            }
            return event;
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the payload: keep only the location.
            throw new MalformedEventException(type.getSimpleName() + " unreadable at " + e.getLocation());
        }
    }

    public static AcseEvent read(String json, EventType type) {
        return read(json, type.dataClass());
    }

    private EventJson() {}
}
