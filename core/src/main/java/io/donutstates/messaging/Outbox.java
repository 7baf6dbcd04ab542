package io.donutstates.messaging;

import java.time.Instant;
import java.util.List;

/** Events written in the same transaction as the change that caused them, waiting to be published. */
public interface Outbox<E extends OutboxEvent> {

    void append(E event);

    /**
     * Locks up to {@code limit} unpublished events that are due at {@code now} (never tried, or their
     * next attempt has come) and that no other relay holds; new events first, then by due time.
     */
    List<OutboxEntry<E>> lockDue(Instant now, int limit);

    void markPublished(long entryId, Instant at);

    /** Records a failed attempt and when the event is due again. */
    void markAttemptFailed(long entryId, String error, Instant nextAttemptAt);

    /**
     * Keeps the entries from every relay until {@code until} (they are due again then), for a relay
     * that posts them after the transaction that locked them has ended.
     */
    void holdUntil(List<Long> entryIds, Instant until);

    /**
     * Ends an entry its relay gave up on after a last failed attempt: no longer pending, and told
     * apart from a published one. Only outboxes whose relay has a give-up bound support it.
     */
    default void markGivenUp(long entryId, String lastError, Instant at) {
        throw new UnsupportedOperationException("this outbox keeps every event until it is published");
    }

    /** Unpublished events, however long the history (an index over unpublished rows only). */
    long pendingCount();

    /**
     * What waits to be published, read in bounded time: the pending events counted up to
     * {@code countUpTo} (more are reported as "more"), and the oldest of them with its last error.
     */
    OutboxBacklog<E> backlog(int countUpTo);

    /** An event waiting in the outbox, with the attempts made to publish it so far. */
    record OutboxEntry<E extends OutboxEvent>(long id, E event, int attempts) { }
}
