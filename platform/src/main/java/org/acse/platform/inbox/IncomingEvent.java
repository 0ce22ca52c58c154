package org.acse.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.AcseEvent;
import org.acse.common.events.CloudEventHeaders;
import org.acse.common.events.EventJson;
import org.acse.common.events.EventType;
import org.acse.common.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A CloudEvent read from a Kafka record in binary mode: its id, its type and its data. */
public record IncomingEvent(UUID id, EventType type, AcseEvent data) {

    /**
     * Reads a record. Empty for a type this version does not know (a newer producer's; it is skipped, not an error).
     *
     * @throws MalformedEventException when the record is not a readable CloudEvent of a known type: a poison
     *         message, which the channel's failure strategy sends to the dead-letter topic.
     */
    public static Optional<IncomingEvent> from(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        String id = header(record, CloudEventHeaders.ID);
        if (type == null || id == null) {
            throw new MalformedEventException("record without ce_type or ce_id");
        }
        Optional<EventType> known = EventType.fromType(type);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (record.value() == null) {
            throw new MalformedEventException("record without data");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id is not a UUID");
        }
        return Optional.of(new IncomingEvent(eventId, known.get(), EventJson.read(record.value(), known.get())));
    }

    @SuppressWarnings("unchecked")
    public <T extends AcseEvent> T data(Class<T> type) {
        return (T) data;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
