package io.donutstates.housekeeping;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Use case: keep the hot tables bounded. Published outbox events, expired idempotency receipts and
 * delivered alerts are deleted once their retention has passed, in batches of {@code batchSize}
 * rows, each batch its own short transaction, until a batch finds nothing more due or the run has done
 * {@code maxBatchesPerRun} batches of a kind (the rest waits for the next run, so one run never
 * holds the database long however large the backlog). A kind that fails does not stop the others.
 * Sales and the stock ledger are the books: they are never purged here.
 */
public class PurgingHistory {

    /**
     * Batches of each kind per run in every runtime: 20 000 rows a minute at the default batch size,
     * far more than a day of sales adds, while a run stays a few seconds (a Lambda has 60).
     */
    public static final int MAX_BATCHES_PER_RUN = 20;

    private final PurgeableTables tables;
    private final Transactions transactions;
    private final Clock clock;
    private final RetentionPeriods retention;
    private final int batchSize;
    private final int maxBatchesPerRun;
    /** A batch rolled back (e.g. chosen as a deadlock victim) is tried this many times in all. */
    static final int ATTEMPTS_PER_BATCH = 3;

    public PurgingHistory(PurgeableTables tables, Transactions transactions, Clock clock, RetentionPeriods retention,
                          int batchSize, int maxBatchesPerRun) {
        if (batchSize < 1 || maxBatchesPerRun < 1) {
            throw new IllegalArgumentException("batch size and batches per run must be positive");
        }
        this.tables = tables;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
        this.maxBatchesPerRun = maxBatchesPerRun;
    }

    /** One run over every kind of history. */
    public Purged purge() {
        Instant now = clock.instant();
        Map<History, Integer> removed = new EnumMap<>(History.class);
        Map<History, RuntimeException> failures = new EnumMap<>(History.class);
        for (History kind : History.values()) {
            Instant cutoff = now.minus(retention.of(kind));
            int total = 0;
            try {
                for (int batch = 0; batch < maxBatchesPerRun; batch++) {
                    PurgeableTables.Batch done = batchOf(kind, cutoff);
                    total += done.removed();
                    if (!done.moreDue()) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                failures.put(kind, e);
            }
            removed.put(kind, total);
        }
        return new Purged(removed, failures);
    }

    /**
     * One batch in its own transaction. Instances purging at once lock different rows, yet the
     * database may still pick one of them as a deadlock victim and roll its batch back; deleting is
     * idempotent, so such a batch is simply tried again, a bounded number of times.
     */
    private PurgeableTables.Batch batchOf(History kind, Instant cutoff) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(() -> deleteBatch(kind, cutoff));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS_PER_BATCH) {
                    throw e;
                }
            }
        }
    }

    private PurgeableTables.Batch deleteBatch(History kind, Instant cutoff) {
        return switch (kind) {
            case PUBLISHED_EVENTS -> tables.deletePublishedEvents(cutoff, batchSize);
            case EXPIRED_RECEIPTS -> tables.deleteReceipts(cutoff, batchSize);
            case DELIVERED_ALERTS -> tables.deleteDeliveredAlerts(cutoff, batchSize);
            case ENDED_NOTICES -> tables.deleteEndedNotices(cutoff, batchSize);
        };
    }
}
