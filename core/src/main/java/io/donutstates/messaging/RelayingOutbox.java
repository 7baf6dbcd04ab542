package io.donutstates.messaging;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Use case: publish what the outbox holds. At least once: a crash between publish and commit
 * publishes the event again, which the stock worker tolerates because it acts per replenishment.
 * An event the topic does not take waits its own growing delay ({@link RelayBackoff}) and never
 * holds up the others.
 *
 * <p>Two ways to post. By default a batch is published inside the transaction that locks its rows:
 * right for a topic that answers in milliseconds. A relay built {@link #postingOutside} a transaction
 * (for endpoints the shop does not run, such as a buyer's {@code notifyUrl}) holds the batch's rows
 * for a lease in a short transaction, posts with no transaction and no connection held, and records
 * each outcome in a short transaction of its own; a relay that dies meanwhile leaves the rows due
 * again when the lease ends. Such a relay may also give an event up once it has been refused for a
 * set time: it is ended as given up, not as published.
 */
public class RelayingOutbox<E extends OutboxEvent> {

    private final Outbox<E> outbox;
    private final StockTopic<E> topic;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;
    private final RelayBackoff backoff;
    private final FailedAttempts<? super E> failedAttempts;
    private final Duration lease;
    private final Duration giveUpAfter;

    /** Told of each attempt the topic refused, e.g. to log it. */
    public interface FailedAttempts<E extends OutboxEvent> {
        void failed(Outbox.OutboxEntry<? extends E> entry, int attempt, String error, Instant nextAttemptAt);

        /** Told of an event given up after its last refused attempt (only relays with a give-up bound). */
        default void gaveUp(Outbox.OutboxEntry<? extends E> entry, int attempt, String error) {
            failed(entry, attempt, "given up: " + error, null);
        }
    }

    public RelayingOutbox(Outbox<E> outbox, StockTopic<E> topic, Transactions transactions, Clock clock,
                          int batchSize, RelayBackoff backoff, FailedAttempts<? super E> failedAttempts) {
        this(outbox, topic, transactions, clock, batchSize, backoff, failedAttempts, null, null);
    }

    private RelayingOutbox(Outbox<E> outbox, StockTopic<E> topic, Transactions transactions, Clock clock,
                           int batchSize, RelayBackoff backoff, FailedAttempts<? super E> failedAttempts,
                           Duration lease, Duration giveUpAfter) {
        if (lease != null && (lease.isNegative() || lease.isZero())) {
            throw new IllegalArgumentException("the relay's lease must be positive (got " + lease + ")");
        }
        if (giveUpAfter != null && (giveUpAfter.isNegative() || giveUpAfter.isZero())) {
            throw new IllegalArgumentException("the relay's give-up bound must be positive (got " + giveUpAfter + ")");
        }
        this.lease = lease;
        this.giveUpAfter = giveUpAfter;
        this.outbox = outbox;
        this.topic = topic;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.backoff = backoff;
        this.failedAttempts = failedAttempts;
    }

    /**
     * A relay of the same outbox that posts with no transaction open: each batch is held for
     * {@code lease} (longer than posting the whole batch can take), and an event refused for longer
     * than {@code giveUpAfter} since it occurred is ended as given up.
     */
    public RelayingOutbox<E> postingOutside(Duration lease, Duration giveUpAfter) {
        return new RelayingOutbox<>(outbox, topic, transactions, clock, batchSize, backoff, failedAttempts, lease,
                giveUpAfter);
    }

    /**
     * Publishes one batch of due events; returns how many went out. An event the topic refuses is due
     * again after its backoff, and the rest of the batch is still tried.
     */
    public int relayBatch() {
        return lease == null ? relayInTransaction() : relayOutsideTransactions();
    }

    private int relayOutsideTransactions() {
        List<Outbox.OutboxEntry<E>> due = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<Outbox.OutboxEntry<E>> locked = outbox.lockDue(now, batchSize);
            if (!locked.isEmpty()) {
                outbox.holdUntil(locked.stream().map(Outbox.OutboxEntry::id).toList(), now.plus(lease));
            }
            return locked;
        });
        return publish(due, this::inOwnTransaction);
    }

    private int relayInTransaction() {
        return transactions.inTransaction(() -> publish(outbox.lockDue(clock.instant(), batchSize), Runnable::run));
    }

    /** Publishes each entry; {@code recording} runs what records its outcome (in the open transaction, or a new one). */
    private int publish(List<Outbox.OutboxEntry<E>> due, Consumer<Runnable> recording) {
        int published = 0;
        for (Outbox.OutboxEntry<E> entry : due) {
            try {
                topic.publish(entry.event());
            } catch (RuntimeException refusal) {
                recording.accept(() -> recordRefusal(entry, refusal));
                continue;
            }
            recording.accept(() -> outbox.markPublished(entry.id(), clock.instant()));
            published++;
        }
        return published;
    }

    private void inOwnTransaction(Runnable work) {
        transactions.inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private void recordRefusal(Outbox.OutboxEntry<E> entry, RuntimeException refusal) {
        int attempt = entry.attempts() + 1;
        Instant now = clock.instant();
        String error = describe(refusal);
        if (giveUpAfter != null && entry.event().occurredAt().plus(giveUpAfter).isBefore(now)) {
            outbox.markGivenUp(entry.id(), error, now);
            failedAttempts.gaveUp(entry, attempt, error);
            return;
        }
        Instant next = now.plus(backoff.after(attempt));
        outbox.markAttemptFailed(entry.id(), error, next);
        failedAttempts.failed(entry, attempt, error, next);
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + message;
    }
}
