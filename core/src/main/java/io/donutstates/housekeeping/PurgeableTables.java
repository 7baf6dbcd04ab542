package io.donutstates.housekeeping;

import java.time.Instant;

/**
 * The rows housekeeping may delete, a bounded batch at a time. Each method removes at most
 * {@code limit} rows that no other caller is removing at the same moment, and returns how many it
 * removed: fewer than {@code limit} means nothing more was due.
 */
public interface PurgeableTables {

    /** Outbox events published before {@code publishedBefore}, except those of an open replenishment. */
    int deletePublishedEvents(Instant publishedBefore, int limit);

    /** Idempotency receipts created before {@code createdBefore}. */
    int deleteReceipts(Instant createdBefore, int limit);

    /**
     * Alerts raised before {@code raisedBefore} whose deliveries were all sent, except those of an
     * open replenishment; their delivery rows go with them. Returns how many alerts it removed.
     */
    int deleteDeliveredAlerts(Instant raisedBefore, int limit);
}
