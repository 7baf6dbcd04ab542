package io.donutstates.replenishment;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Replenishments in memory: what ordering, giving up and a delivery need (the guarded status moves) and notes. */
final class InMemoryReplenishments implements Replenishments {

    private final Map<ReplenishmentId, Replenishment> byId = new HashMap<>();
    private final Map<ReplenishmentId, List<String>> notes = new HashMap<>();

    Replenishment ordered(Sku sku, int quantity) {
        var requested = Replenishment.requested(ReplenishmentId.random(), sku,
                new io.donutstates.factory.FactoryId("FF-500293"), Quantity.of(quantity), Instant.EPOCH);
        var ordered = new Replenishment(requested.id(), sku, requested.factoryId(), requested.quantity(),
                ReplenishmentStatus.ORDERED, null, 1, 0, null, Instant.EPOCH, Instant.EPOCH, null, null, null);
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
                r.failedAt(), null));
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
        boolean productHasOne = byId.values().stream().anyMatch(r -> r.sku().equals(replenishment.sku())
                && (r.status() == ReplenishmentStatus.REQUESTED || r.status() == ReplenishmentStatus.ORDERED));
        if (productHasOne) {
            return false;
        }
        byId.put(replenishment.id(), replenishment);
        return true;
    }

    @Override
    public List<Replenishment> list(Optional<Sku> sku, int limit) {
        throw new UnsupportedOperationException();
    }

    /** Leases are not modelled: a requested replenishment can always be claimed, counting an attempt. */
    @Override
    public boolean claimForOrdering(ReplenishmentId id, Instant now, Instant leaseUntil) {
        var r = byId.get(id);
        if (r == null || r.status() != ReplenishmentStatus.REQUESTED) {
            return false;
        }
        byId.put(id, with(r, r.status(), r.attempts() + 1, r.lastError(), r.orderedAt(), r.failedAt(),
                r.waitingForFactorySince()));
        return true;
    }

    @Override
    public boolean markOrdered(ReplenishmentId id, Instant at) {
        var r = byId.get(id);
        if (r == null || r.status() != ReplenishmentStatus.REQUESTED) {
            return false;
        }
        byId.put(id, with(r, ReplenishmentStatus.ORDERED, r.attempts(), null, at, r.failedAt(), null));
        return true;
    }

    @Override
    public void releaseAfterFailure(ReplenishmentId id, String error, Instant at) {
        var r = byId.get(id);
        byId.put(id, with(r, r.status(), r.attempts(), error, r.orderedAt(), r.failedAt(),
                r.waitingForFactorySince() != null ? r.waitingForFactorySince() : at));
    }

    @Override
    public List<Replenishment> waitingForFactorySince(Instant before, int limit) {
        return byId.values().stream()
                .filter(r -> r.status() == ReplenishmentStatus.REQUESTED && r.waitingForFactorySince() != null
                        && r.waitingForFactorySince().isBefore(before))
                .sorted(java.util.Comparator.comparing(Replenishment::waitingForFactorySince))
                .limit(limit).toList();
    }

    @Override
    public boolean markFailed(ReplenishmentId id, String reason, Instant at) {
        var r = byId.get(id);
        if (r == null || (r.status() != ReplenishmentStatus.REQUESTED && r.status() != ReplenishmentStatus.ORDERED)) {
            return false;
        }
        byId.put(id, with(r, ReplenishmentStatus.FAILED, r.attempts(), r.lastError() != null ? r.lastError() : reason,
                r.orderedAt(), at, r.waitingForFactorySince()));
        return true;
    }

    private static Replenishment with(Replenishment r, ReplenishmentStatus status, int attempts, String lastError,
                                      Instant orderedAt, Instant failedAt, Instant waitingSince) {
        return new Replenishment(r.id(), r.sku(), r.factoryId(), r.quantity(), status, r.deliveredQuantity(), attempts,
                r.reorders(), lastError, r.requestedAt(), orderedAt, r.deliveredAt(), failedAt, waitingSince);
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
