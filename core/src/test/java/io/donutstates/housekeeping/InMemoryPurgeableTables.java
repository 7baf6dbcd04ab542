package io.donutstates.housekeeping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Rows as their times only: what the purge's rules look at. */
class InMemoryPurgeableTables implements PurgeableTables {

    final Map<History, List<Instant>> rows = new EnumMap<>(History.class);
    final List<Instant> cutoffs = new ArrayList<>();
    int batches;
    History failing;
    /** How many more batches fail as a deadlock victim would (rolled back, nothing removed). */
    int deadlocksAhead;
    int contendedBatches;

    InMemoryPurgeableTables() {
        for (History kind : History.values()) {
            rows.put(kind, new ArrayList<>());
        }
    }

    void add(History kind, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            rows.get(kind).add(at);
        }
    }

    int left(History kind) {
        return rows.get(kind).size();
    }

    @Override
    public Batch deletePublishedEvents(Instant publishedBefore, int limit) {
        return delete(History.PUBLISHED_EVENTS, publishedBefore, limit);
    }

    @Override
    public Batch deleteReceipts(Instant createdBefore, int limit) {
        return delete(History.EXPIRED_RECEIPTS, createdBefore, limit);
    }

    @Override
    public Batch deleteDeliveredAlerts(Instant raisedBefore, int limit) {
        return delete(History.DELIVERED_ALERTS, raisedBefore, limit);
    }

    @Override
    public Batch deleteEndedNotices(Instant endedBefore, int limit) {
        return delete(History.ENDED_NOTICES, endedBefore, limit);
    }

    private Batch delete(History kind, Instant before, int limit) {
        if (kind == failing) {
            throw new IllegalStateException("the " + kind + " table is unreachable");
        }
        if (deadlocksAhead > 0) {
            deadlocksAhead--;
            throw new IllegalStateException("Deadlock found when trying to get lock; try restarting transaction");
        }
        batches++;
        cutoffs.add(before);
        int deleted = 0;
        // Another instance purging at the same time holds some of the due rows: this batch gets the rest.
        int allowed = contendedBatches-- > 0 ? limit / 2 : limit;
        var iterator = rows.get(kind).iterator();
        while (iterator.hasNext() && deleted < allowed) {
            if (iterator.next().isBefore(before)) {
                iterator.remove();
                deleted++;
            }
        }
        return new Batch(deleted, allowed < limit || deleted == limit);
    }
}
