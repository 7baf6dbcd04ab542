package io.donutstates.messaging;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.StockEvent;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox as the database keeps it, in memory: due time, attempts and last error per event. */
public final class InMemoryOutbox implements Outbox<StockEvent>, io.donutstates.shared.RollsBack {

    static final class Row {
        final long id;
        final StockEvent event;
        Instant publishedAt;
        Instant givenUpAt;
        Instant nextAttemptAt = Instant.EPOCH;
        int attempts;
        String lastError;

        Row(long id, StockEvent event) {
            this.id = id;
            this.event = event;
        }
    }

    final List<Row> rows = new ArrayList<>();

    static StockRanOut event(String sku, Instant at) {
        return new StockRanOut(UUID.randomUUID(), ReplenishmentId.random(), Sku.of(sku), new FactoryId("FF-1"),
                Quantity.of(10), at);
    }

    Row row(String sku) {
        return rows.stream().filter(r -> r.event.sku().value().equals(sku)).findFirst().orElseThrow();
    }

    /** Every event appended, oldest first. */
    public List<StockEvent> events() {
        return rows.stream().map(r -> r.event).toList();
    }

    @Override
    public Runnable checkpoint() {
        int size = rows.size();
        return () -> rows.subList(size, rows.size()).clear();
    }

    @Override
    public void append(StockEvent event) {
        rows.add(new Row(rows.size() + 1, event));
    }

    @Override
    public List<OutboxEntry<StockEvent>> lockDue(Instant now, int limit) {
        return rows.stream().filter(r -> r.publishedAt == null && !r.nextAttemptAt.isAfter(now))
                .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt).thenComparing(r -> r.id))
                .limit(limit).map(r -> new OutboxEntry<>(r.id, r.event, r.attempts)).toList();
    }

    @Override
    public void markPublished(long entryId, Instant at) {
        Row row = rows.get((int) entryId - 1);
        row.publishedAt = at;
        row.attempts++;
    }

    @Override
    public void markAttemptFailed(long entryId, String error, Instant nextAttemptAt) {
        Row row = rows.get((int) entryId - 1);
        row.attempts++;
        row.lastError = error;
        row.nextAttemptAt = nextAttemptAt;
    }

    @Override
    public void markGivenUp(long entryId, String error, Instant at) {
        Row row = rows.get((int) entryId - 1);
        row.attempts++;
        row.lastError = error;
        row.publishedAt = at;
        row.givenUpAt = at;
    }

    @Override
    public void holdUntil(List<Long> entryIds, Instant until) {
        entryIds.forEach(id -> rows.get((int) (long) id - 1).nextAttemptAt = until);
    }

    @Override
    public long pendingCount() {
        return rows.stream().filter(r -> r.publishedAt == null).count();
    }

    @Override
    public OutboxBacklog<StockEvent> backlog(int countUpTo) {
        long pending = pendingCount();
        Optional<Row> oldest = rows.stream().filter(r -> r.publishedAt == null).findFirst();
        return oldest.map(r -> new OutboxBacklog<>(Math.min(pending, countUpTo), pending > countUpTo,
                Optional.of(r.event), r.attempts, r.lastError)).orElse(OutboxBacklog.empty());
    }
}
