package io.donutstates.audit;

import io.donutstates.stock.Sku;
import io.donutstates.stock.StockSlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The audit's port in memory: a ledger of lines per product, checkpoints per track, and a count of lines read. */
final class InMemoryLedgerAudits implements LedgerAudits, LedgerReplays {

    private final Map<StockSlot, List<LedgerLine>> ledger = new TreeMap<>(BY_SLOT);
    private final Map<AuditTrack, Map<StockSlot, Checkpoint>> checkpoints = new EnumMap<>(AuditTrack.class);
    private final java.util.Set<StockSlot> heldElsewhere = new java.util.HashSet<>();
    private final Map<StockSlot, LedgerLine> openings = new java.util.HashMap<>();
    private final Map<Long, Instant> writtenAt = new java.util.HashMap<>();
    private Instant writing = Instant.EPOCH;
    private Optional<Replay> replay = Optional.empty();
    private long nextId = 1;
    long linesRead;

    private static final java.util.Comparator<StockSlot> BY_SLOT =
            java.util.Comparator.comparing((StockSlot s) -> s.sku().value()).thenComparingInt(StockSlot::slot);

    /** Appends a line to the product's first slot that follows from its balance. */
    InMemoryLedgerAudits line(String sku, int change) {
        return lineIn(sku, 0, change);
    }

    /** Appends a line to one slot that follows from the slot's balance. */
    InMemoryLedgerAudits lineIn(String sku, int slot, int change) {
        var key = new StockSlot(new Sku(sku), slot);
        var lines = ledger.computeIfAbsent(key, s -> new ArrayList<>());
        long before = lines.isEmpty() ? opening(key).balanceAfter() : lines.get(lines.size() - 1).balanceAfter();
        writtenAt.put(nextId, writing);
        lines.add(new LedgerLine(nextId++, change, before + change));
        return this;
    }

    /** Appends a line claiming any balance, as a write behind the shop's back could. */
    InMemoryLedgerAudits forgedLine(String sku, int change, long balanceAfter) {
        writtenAt.put(nextId, writing);
        ledger.computeIfAbsent(first(sku), s -> new ArrayList<>()).add(new LedgerLine(nextId++, change, balanceAfter));
        return this;
    }

    InMemoryLedgerAudits lines(String sku, int count, int change) {
        for (int i = 0; i < count; i++) {
            line(sku, change);
        }
        return this;
    }

    /** Lines appended from now on carry this time (the epoch until told otherwise). */
    InMemoryLedgerAudits writtenAt(Instant at) {
        writing = at;
        return this;
    }

    /** The product's lines still kept, oldest first. */
    List<LedgerLine> kept(Sku sku) {
        return kept(new StockSlot(sku, 0));
    }

    List<LedgerLine> kept(StockSlot slot) {
        return List.copyOf(ledger.getOrDefault(slot, List.of()));
    }

    Instant writtenAt(long lineId) {
        return writtenAt.get(lineId);
    }

    /** Where the product's kept ledger starts: the last removed line, or nothing (id 0, balance 0). */
    LedgerLine opening(Sku sku) {
        return opening(new StockSlot(sku, 0));
    }

    LedgerLine opening(StockSlot slot) {
        return openings.getOrDefault(slot, new LedgerLine(0, 0, 0));
    }

    /** Removes the product's lines up to and including the given one, which becomes its opening. */
    long removeThrough(StockSlot sku, LedgerLine last) {
        var lines = ledger.get(sku);
        long removed = lines.stream().filter(l -> l.id() <= last.id()).count();
        lines.removeIf(l -> l.id() <= last.id());
        openings.put(sku, last);
        return removed;
    }

    void heldByAnotherInstance(String sku) {
        heldElsewhere.add(first(sku));
    }

    Checkpoint checkpoint(AuditTrack track, String sku) {
        return checkpoints.getOrDefault(track, Map.of()).get(first(sku));
    }

    private static StockSlot first(String sku) {
        return new StockSlot(new Sku(sku), 0);
    }

    @Override
    public List<StockSlot> slots() {
        return List.copyOf(ledger.keySet());
    }

    @Override
    public Optional<Checkpoint> hold(AuditTrack track, StockSlot sku, Instant now) {
        if (heldElsewhere.contains(sku)) {
            return Optional.empty();
        }
        return Optional.of(checkpoints.computeIfAbsent(track, t -> new TreeMap<>(BY_SLOT))
                .computeIfAbsent(sku, s -> Checkpoint.opening(s, opening(s).id(), opening(s).balanceAfter(), now)));
    }

    @Override
    public List<LedgerLine> linesAfter(StockSlot sku, long movementId, long throughId, int limit) {
        var found = ledger.getOrDefault(sku, List.of()).stream()
                .filter(l -> l.id() > movementId && l.id() <= throughId).limit(limit).toList();
        linesRead += found.size();
        return found;
    }

    @Override
    public void save(AuditTrack track, Checkpoint checkpoint) {
        checkpoints.get(track).put(checkpoint.slot(), checkpoint);
    }

    @Override
    public long newestLine() {
        return nextId - 1;
    }

    @Override
    public Optional<Replay> replay() {
        return replay;
    }

    @Override
    public void startReplay(long throughId, Instant now) {
        checkpoints.remove(AuditTrack.REPLAY);
        replay = Optional.of(new Replay(true, throughId, now, Optional.empty()));
    }

    @Override
    public boolean claimReplay(Instant now, Instant until) {
        return replay.map(Replay::running).orElse(false);
    }

    @Override
    public void finishReplay(Instant now) {
        replay = replay.map(r -> new Replay(false, r.throughId(), r.startedAt(), Optional.of(now)));
    }
}
