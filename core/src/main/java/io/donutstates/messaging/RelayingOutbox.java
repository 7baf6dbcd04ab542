package io.donutstates.messaging;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.util.List;

/**
 * Use case: publish what the outbox holds. At least once: a crash between publish and commit
 * publishes the event again, which the stock worker tolerates because it acts per replenishment.
 */
public class RelayingOutbox {

    private final Outbox outbox;
    private final StockTopic topic;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;

    public RelayingOutbox(Outbox outbox, StockTopic topic, Transactions transactions, Clock clock, int batchSize) {
        this.outbox = outbox;
        this.topic = topic;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Publishes one batch; returns how many events went out. Stops at the first broker failure. */
    public int relayBatch() {
        return transactions.inTransaction(() -> {
            List<Outbox.OutboxEntry> pending = outbox.lockPending(batchSize);
            int published = 0;
            for (Outbox.OutboxEntry entry : pending) {
                try {
                    topic.publish(entry.event());
                } catch (RuntimeException e) {
                    outbox.markAttemptFailed(entry.id(), describe(e));
                    return published;
                }
                outbox.markPublished(entry.id(), clock.instant());
                published++;
            }
            return published;
        });
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + message;
    }
}
