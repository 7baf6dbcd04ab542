package io.donutstates.messaging;

import io.donutstates.alerting.Alert;
import java.time.Instant;
import java.util.UUID;

/**
 * An event the outbox keeps until the topic takes it: written in the transaction of the change it
 * reports, by whichever part of the shop it belongs to. The outbox and its relay only need what is
 * here; what the event says is its own.
 */
public interface OutboxEvent {

    UUID eventId();

    /** When the change it reports happened, which is when it was written to the outbox. */
    Instant occurredAt();

    /** The event as people read it in an alert or a log, e.g. {@code stock event of CP-502101}. */
    String describe();

    /** An alert of the given kind about what the event concerns, for an event that cannot be published. */
    Alert alert(Alert.Kind kind, String reason, String lastError, Instant at);
}
