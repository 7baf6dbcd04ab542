package io.donutstates.replenishment;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The replenishments a delivery needs, in memory: find, the guarded move to DELIVERED, and notes. */
final class InMemoryReplenishments implements Replenishments {

    private final Map<ReplenishmentId, Replenishment> byId = new HashMap<>();
    private final Map<ReplenishmentId, List<String>> notes = new HashMap<>();

    Replenishment ordered(Sku sku, int quantity) {
        var requested = Replenishment.requested(ReplenishmentId.random(), sku,
                new io.donutstates.factory.FactoryId("FF-500293"), Quantity.of(quantity), Instant.EPOCH);
        var ordered = new Replenishment(requested.id(), sku, requested.factoryId(), requested.quantity(),
                ReplenishmentStatus.ORDERED, null, 1, 0, null, Instant.EPOCH, Instant.EPOCH, null, null);
        byId.put(ordered.id(), ordered);
        return ordered;
    }

    @Override
    public Optional<Replenishment> find(ReplenishmentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public boolean markDelivered(ReplenishmentId id, Quantity delivered, Instant at) {
        var r = byId.get(id);
        if (r == null || r.status() == ReplenishmentStatus.DELIVERED) {
            return false;
        }
        byId.put(id, new Replenishment(id, r.sku(), r.factoryId(), r.quantity(), ReplenishmentStatus.DELIVERED,
                delivered.value(), r.attempts(), r.reorders(), r.lastError(), r.requestedAt(), r.orderedAt(), at,
                r.failedAt()));
        return true;
    }

    @Override
    public void note(ReplenishmentId id, String note, Instant at) {
        notes.computeIfAbsent(id, k -> new ArrayList<>()).add(note);
    }

    @Override
    public List<String> notes(ReplenishmentId id) {
        return List.copyOf(notes.getOrDefault(id, List.of()));
    }

    @Override
    public Optional<Replenishment> openFor(Sku sku) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean open(Replenishment replenishment) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Replenishment> list(Optional<Sku> sku, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean claimForOrdering(ReplenishmentId id, Instant now, Instant leaseUntil) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean markOrdered(ReplenishmentId id, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void releaseAfterFailure(ReplenishmentId id, String error) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean markFailed(ReplenishmentId id, String reason, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Replenishment> orderedBefore(Instant deadline, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Replenishment> requestedIdleSince(Instant since, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean reorder(ReplenishmentId id, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<ReplenishmentStatus, Long> countByStatus(Instant endedSince) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Instant> oldestWaitingSince() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean reopen(ReplenishmentId id, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean touchIfIdle(ReplenishmentId id, Instant idleSince, Instant at) {
        throw new UnsupportedOperationException();
    }
}
