package io.donutstates.sales;

import io.donutstates.shared.RollsBack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Completed sales in memory. Ids rise like an auto-increment column, also past a rolled-back
 * transaction; the test can make the next recording fail, as a database that went away would.
 */
public final class InMemorySales implements Sales, RollsBack {

    /** A sale as recorded. */
    public record Recorded(long id, Purchase purchase, Instant at) { }

    private final List<Recorded> recorded = new ArrayList<>();
    private long lastId;
    private RuntimeException nextFailure;

    public synchronized List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    public synchronized int donutsSold(String sku) {
        return recorded.stream().filter(r -> r.purchase().sku().value().equals(sku))
                .mapToInt(r -> r.purchase().quantity().value()).sum();
    }

    /** The next call to record fails with this error. */
    public synchronized void failNextWith(RuntimeException failure) {
        nextFailure = failure;
    }

    @Override
    public synchronized long record(Purchase purchase, Instant at) {
        return recordAll(List.of(purchase), at).get(0);
    }

    @Override
    public synchronized List<Long> recordAll(List<Purchase> purchases, Instant at) {
        if (nextFailure != null) {
            var failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        List<Long> ids = new ArrayList<>();
        for (Purchase purchase : purchases) {
            recorded.add(new Recorded(++lastId, purchase, at));
            ids.add(lastId);
        }
        return ids;
    }

    @Override
    public synchronized Runnable checkpoint() {
        int size = recorded.size();
        return () -> {
            synchronized (this) {
                recorded.subList(size, recorded.size()).clear();
            }
        };
    }
}
