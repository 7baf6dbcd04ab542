package io.donutstates.messaging;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Use case: publish what the outbox holds. At least once: a crash between publish and commit
 * publishes the event again, which the stock worker tolerates because it acts per replenishment.
 * An event the topic does not take waits its own growing delay ({@link RelayBackoff}) and never
 * holds up the others.
 */
public class RelayingOutbox<E extends OutboxEvent> {

    private final Outbox<E> outbox;
    private final StockTopic<E> topic;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;
    private final RelayBackoff backoff;
    private final FailedAttempts<? super E> failedAttempts;

    /** Told of each attempt the topic refused, e.g. to log it. */
    public interface FailedAttempts<E extends OutboxEvent> {
        void failed(Outbox.OutboxEntry<? extends E> entry, int attempt, String error, Instant nextAttemptAt);
    }

    public RelayingOutbox(Outbox<E> outbox, StockTopic<E> topic, Transactions transactions, Clock clock,
                          int batchSize, RelayBackoff backoff, FailedAttempts<? super E> failedAttempts) {
        this.outbox = outbox;
        this.topic = topic;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.backoff = backoff;
        this.failedAttempts = failedAttempts;
    }

    /**
     * Publishes one batch of due events; returns how many went out. An event the topic refuses is due
     * again after its backoff, and the rest of the batch is still tried.
     */
    public int relayBatch() {
        return transactions.inTransaction(() -> {
            List<Outbox.OutboxEntry<E>> due = outbox.lockDue(clock.instant(), batchSize);
            int published = 0;
            for (Outbox.OutboxEntry<E> entry : due) {
                try {
                    topic.publish(entry.event());
                } catch (RuntimeException e) {
                    int attempt = entry.attempts() + 1;
                    Instant next = clock.instant().plus(backoff.after(attempt));
                    String error = describe(e);
                    outbox.markAttemptFailed(entry.id(), error, next);
                    failedAttempts.failed(entry, attempt, error, next);
                    continue;
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
