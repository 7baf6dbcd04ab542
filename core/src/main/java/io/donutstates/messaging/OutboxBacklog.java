package io.donutstates.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What waits in the outbox: the unpublished events (counted up to a cap, {@code more} when there
 * are more), and the oldest of them, how often it was tried and its last error.
 */
public record OutboxBacklog<E extends OutboxEvent>(long pending, boolean more, Optional<E> oldest, int oldestAttempts,
                                                   String lastError) {

    /** Nothing waits. */
    public static final OutboxBacklog<OutboxEvent> EMPTY = new OutboxBacklog<>(0, false, Optional.empty(), 0, null);

    /** Nothing waits, as a backlog of the caller's kind of event. */
    public static <E extends OutboxEvent> OutboxBacklog<E> empty() {
        return new OutboxBacklog<>(0, false, Optional.empty(), 0, null);
    }

    /** Since when the oldest unpublished event waits (when it was written). */
    public Optional<Instant> oldestSince() {
        return oldest.map(OutboxEvent::occurredAt);
    }

    /** How long the oldest unpublished event has waited; zero when nothing waits. */
    public Duration oldestAge(Instant now) {
        return oldestSince().map(since -> Duration.between(since, now)).filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }

    /** The pending count as people read it: {@code "10000+"} when the count stopped at its cap. */
    public String pendingText() {
        return more ? pending + "+" : Long.toString(pending);
    }
}
