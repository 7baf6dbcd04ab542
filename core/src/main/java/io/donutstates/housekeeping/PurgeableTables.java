package io.donutstates.housekeeping;

import java.time.Instant;

/**
 * The rows housekeeping may delete, a bounded batch at a time. Each method removes at most
 * {@code limit} rows that no other caller is removing at the same moment.
 */
public interface PurgeableTables {

    /**
     * One batch: how many rows it removed, and whether more may be due. A batch can remove fewer
     * than it was allowed and still have more due, when another instance was purging the same rows.
     */
    record Batch(int removed, boolean moreDue) {
        public static final Batch NOTHING = new Batch(0, false);
    }

    /** Outbox events published before {@code publishedBefore}, except those of an open replenishment. */
    Batch deletePublishedEvents(Instant publishedBefore, int limit);

    /** Idempotency receipts created before {@code createdBefore}. */
    Batch deleteReceipts(Instant createdBefore, int limit);

    /**
     * Alerts raised before {@code raisedBefore} whose deliveries were all sent, except those of an
     * open replenishment; their delivery rows go with them. Returns how many alerts it removed.
     */
    Batch deleteDeliveredAlerts(Instant raisedBefore, int limit);

    /** Backorder notices that ended (posted or given up) before {@code endedBefore}. */
    Batch deleteEndedNotices(Instant endedBefore, int limit);
}
