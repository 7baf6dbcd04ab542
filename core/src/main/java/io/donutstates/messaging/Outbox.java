package io.donutstates.messaging;

import io.donutstates.replenishment.StockRanOut;
import java.time.Instant;
import java.util.List;

/** Events written in the same transaction as the change that caused them, waiting to be published. */
public interface Outbox {

    void append(StockRanOut event);

    /** Locks up to {@code limit} unpublished events that no other relay holds (oldest first). */
    List<OutboxEntry> lockPending(int limit);

    void markPublished(long entryId, Instant at);

    void markAttemptFailed(long entryId, String error);

    long pendingCount();

    /** An event waiting in the outbox. */
    record OutboxEntry(long id, StockRanOut event) { }
}
