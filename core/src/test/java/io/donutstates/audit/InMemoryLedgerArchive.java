package io.donutstates.audit;

import io.donutstates.stock.Sku;
import io.donutstates.stock.StockSlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The archive's port in memory, over the ledger of {@link InMemoryLedgerAudits}, with a list of sale times per product. */
final class InMemoryLedgerArchive implements LedgerArchive {

    private final InMemoryLedgerAudits ledger;
    private final Map<Sku, List<Instant>> sales = new HashMap<>();
    private Optional<Request> request = Optional.empty();
    private Instant turnUntil = Instant.MIN;

    InMemoryLedgerArchive(InMemoryLedgerAudits ledger) {
        this.ledger = ledger;
    }

    InMemoryLedgerArchive sales(String sku, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            sales.computeIfAbsent(new Sku(sku), s -> new ArrayList<>()).add(at);
        }
        return this;
    }

    int salesKept(String sku) {
        return sales.getOrDefault(new Sku(sku), List.of()).size();
    }

    /** Another instance has the running archive's turn until then. */
    void turnTakenUntil(Instant until) {
        turnUntil = until;
    }

    @Override
    public Optional<LedgerLine> lastArchivable(StockSlot sku, Instant before, long throughId, int limit) {
        var kept = ledger.kept(sku);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        long newest = kept.get(kept.size() - 1).id();
        return kept.stream().limit(limit)
                .filter(l -> l.id() != newest && l.id() <= throughId && ledger.writtenAt(l.id()).isBefore(before))
                .reduce((first, second) -> second);
    }

    @Override
    public long removeThrough(StockSlot sku, LedgerLine line, Instant now) {
        return ledger.removeThrough(sku, line);
    }

    @Override
    public long removeSalesBefore(Sku sku, Instant before, int limit) {
        var times = sales.getOrDefault(sku, new ArrayList<>());
        int removed = 0;
        for (var it = times.iterator(); it.hasNext() && removed < limit; ) {
            if (it.next().isBefore(before)) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    @Override
    public Optional<Request> request() {
        return request;
    }

    @Override
    public void ask(Instant before, Instant now) {
        request = Optional.of(new Request(before, true, 0, 0, now, Optional.empty()));
        turnUntil = Instant.MIN;
    }

    @Override
    public boolean claim(Instant now, Instant until) {
        if (request.isEmpty() || !request.get().running() || !turnUntil.isBefore(now)) {
            return false;
        }
        turnUntil = until;
        return true;
    }

    @Override
    public void record(long lines, long salesRemoved, boolean done, Instant now) {
        var r = request.orElseThrow();
        request = Optional.of(new Request(r.before(), !done, r.linesRemoved() + lines, r.salesRemoved() + salesRemoved,
                r.askedAt(), done ? Optional.of(now) : Optional.empty()));
        turnUntil = Instant.MIN;
    }
}
