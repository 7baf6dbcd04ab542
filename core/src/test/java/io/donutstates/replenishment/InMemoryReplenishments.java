package io.donutstates.replenishment;

import io.donutstates.shared.RollsBack;
import io.donutstates.stock.Products;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replenishments in memory, for the use cases and the views alike, each status change allowed from
 * the statuses its {@link Transition} names, as the SQL's conditional UPDATE is (leases included),
 * and one open replenishment per product, as the unique {@code open_sku} key allows.
 */
public final class InMemoryReplenishments implements Replenishments, ReplenishmentViews, RollsBack {

    /** A row: the replenishment plus what the table keeps beside it. */
    private record Row(Replenishment r, Instant leaseUntil, Instant lastAttemptAt) { }

    private final Map<ReplenishmentId, Row> rows = new LinkedHashMap<>();
    private final Map<ReplenishmentId, List<String>> notes = new HashMap<>();

    /** A replenishment of {@code quantity} that was requested at the given time and not yet ordered. */
    public synchronized Replenishment requested(String sku, int quantity, Instant at) {
        var r = Replenishment.requested(ReplenishmentId.random(), Sku.of(sku), Products.FACTORY, Quantity.of(quantity), at);
        if (!open(r)) {
            throw new IllegalStateException(sku + " already has an open replenishment");
        }
        return r;
    }

    /** A replenishment the factory took at the given time. */
    public synchronized Replenishment ordered(String sku, int quantity, Instant at) {
        var r = requested(sku, quantity, at);
        claimForOrdering(r.id(), at, at);
        markOrdered(r.id(), at);
        return find(r.id()).orElseThrow();
    }

    synchronized Replenishment ordered(Sku sku, int quantity) {
        var requested = Replenishment.requested(ReplenishmentId.random(), sku, Products.FACTORY, Quantity.of(quantity),
                Instant.EPOCH);
        var ordered = new Replenishment(requested.id(), sku, requested.factoryId(), requested.quantity(),
                ReplenishmentStatus.ORDERED, null, 1, 0, null, Instant.EPOCH, Instant.EPOCH, null, null, null);
        rows.put(ordered.id(), new Row(ordered, null, Instant.EPOCH));
        return ordered;
    }

    public synchronized Replenishment get(ReplenishmentId id) {
        return find(id).orElseThrow();
    }

    public synchronized List<Replenishment> all() {
        return rows.values().stream().map(Row::r).toList();
    }

    @Override
    public synchronized Optional<Replenishment> find(ReplenishmentId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::r);
    }

    @Override
    public synchronized Optional<Replenishment> openFor(Sku sku) {
        return rows.values().stream().map(Row::r).filter(r -> r.sku().equals(sku) && r.status().isOpen()).findFirst();
    }

    @Override
    public synchronized boolean open(Replenishment replenishment) {
        if (rows.containsKey(replenishment.id()) || openFor(replenishment.sku()).isPresent()) {
            return false;
        }
        var r = Replenishment.requested(replenishment.id(), replenishment.sku(), replenishment.factoryId(),
                replenishment.quantity(), replenishment.requestedAt());
        rows.put(r.id(), new Row(r, null, null));
        return true;
    }

    @Override
    public synchronized List<Replenishment> list(Optional<Sku> sku, int limit) {
        // Newest request first and, as the table's "id DESC" does for equal times, the later row first.
        List<Replenishment> laterRowsFirst = new ArrayList<>(rows.values().stream().map(Row::r)
                .filter(r -> sku.map(r.sku()::equals).orElse(true)).toList());
        java.util.Collections.reverse(laterRowsFirst);
        return laterRowsFirst.stream().sorted(Comparator.comparing(Replenishment::requestedAt).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean claimForOrdering(ReplenishmentId id, Instant now, Instant leaseUntil) {
        var row = rows.get(id);
        if (row == null || !Transition.ORDER.allowedFrom(row.r().status())
                || row.leaseUntil() != null && !row.leaseUntil().isBefore(now)) {
            return false;
        }
        var r = row.r();
        rows.put(id, new Row(copy(r, r.status(), r.attempts() + 1, r.reorders(), r.lastError(), r.orderedAt(),
                r.failedAt(), r.waitingForFactorySince()), leaseUntil, now));
        return true;
    }

    @Override
    public synchronized boolean markOrdered(ReplenishmentId id, Instant at) {
        var row = rows.get(id);
        if (row == null || !Transition.ORDER.allowedFrom(row.r().status())) {
            return false;
        }
        var r = row.r();
        rows.put(id, new Row(copy(r, Transition.ORDER.to(), r.attempts(), r.reorders(), null, at, r.failedAt(),
                null), null, row.lastAttemptAt()));
        return true;
    }

    @Override
    public synchronized void releaseAfterFailure(ReplenishmentId id, String error, Instant at) {
        var row = rows.get(id);
        if (row == null) {
            return;
        }
        var r = row.r();
        rows.put(id, new Row(copy(r, r.status(), r.attempts(), r.reorders(), error, r.orderedAt(), r.failedAt(),
                r.waitingForFactorySince() != null ? r.waitingForFactorySince() : at), null, row.lastAttemptAt()));
    }

    @Override
    public synchronized List<Replenishment> waitingForFactorySince(Instant before, int limit) {
        return rows.values().stream().map(Row::r)
                .filter(r -> r.status() == ReplenishmentStatus.REQUESTED && r.waitingForFactorySince() != null
                        && r.waitingForFactorySince().isBefore(before))
                .sorted(Comparator.comparing(Replenishment::waitingForFactorySince))
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean markFailed(ReplenishmentId id, String reason, Instant at) {
        var row = rows.get(id);
        if (row == null || !Transition.FAIL.allowedFrom(row.r().status())) {
            return false;
        }
        var r = row.r();
        rows.put(id, new Row(copy(r, Transition.FAIL.to(), r.attempts(), r.reorders(),
                r.lastError() != null ? r.lastError() : reason, r.orderedAt(), at, r.waitingForFactorySince()),
                null, row.lastAttemptAt()));
        return true;
    }

    @Override
    public synchronized boolean markDelivered(ReplenishmentId id, Quantity delivered, Instant at) {
        var row = rows.get(id);
        if (row == null || !Transition.DELIVER.allowedFrom(row.r().status())) {
            return false;
        }
        var r = row.r();
        rows.put(id, new Row(new Replenishment(id, r.sku(), r.factoryId(), r.quantity(), Transition.DELIVER.to(),
                delivered.value(), r.attempts(), r.reorders(), r.lastError(), r.requestedAt(), r.orderedAt(), at,
                r.failedAt(), r.waitingForFactorySince()), null, row.lastAttemptAt()));
        return true;
    }

    @Override
    public synchronized List<Replenishment> orderedBefore(Instant deadline, int limit) {
        return rows.values().stream().map(Row::r)
                .filter(r -> r.status() == ReplenishmentStatus.ORDERED && r.orderedAt().isBefore(deadline))
                .sorted(Comparator.comparing(Replenishment::orderedAt)).limit(limit).toList();
    }

    @Override
    public synchronized List<Replenishment> requestedIdleSince(Instant since, int limit) {
        return rows.values().stream()
                .filter(row -> row.r().status() == ReplenishmentStatus.REQUESTED && idleSince(row, since)
                        && (row.leaseUntil() == null || row.leaseUntil().isBefore(since)))
                .map(Row::r).sorted(Comparator.comparing(Replenishment::requestedAt)).limit(limit).toList();
    }

    private static boolean idleSince(Row row, Instant since) {
        return Objects.requireNonNullElse(row.lastAttemptAt(), row.r().requestedAt()).isBefore(since);
    }

    @Override
    public synchronized boolean reorder(ReplenishmentId id, Instant at) {
        var row = rows.get(id);
        if (row == null || !Transition.REORDER.allowedFrom(row.r().status())) {
            return false;
        }
        var r = row.r();
        rows.put(id, new Row(copy(r, Transition.REORDER.to(), r.attempts(), r.reorders() + 1,
                "no delivery before the deadline; ordering again", r.orderedAt(), r.failedAt(),
                r.waitingForFactorySince()), row.leaseUntil(), at));
        return true;
    }

    @Override
    public synchronized Map<ReplenishmentStatus, Long> countByStatus(Instant endedSince) {
        var counts = new EnumMap<ReplenishmentStatus, Long>(ReplenishmentStatus.class);
        for (var status : ReplenishmentStatus.values()) {
            counts.put(status, 0L);
        }
        for (var row : rows.values()) {
            var r = row.r();
            boolean counted = r.status().isOpen()
                    || r.status() == ReplenishmentStatus.DELIVERED && !r.deliveredAt().isBefore(endedSince)
                    || r.status() == ReplenishmentStatus.FAILED && !r.failedAt().isBefore(endedSince);
            if (counted) {
                counts.merge(r.status(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Override
    public synchronized Optional<Instant> oldestWaitingSince() {
        return rows.values().stream().map(Row::r).filter(r -> r.status() == ReplenishmentStatus.REQUESTED)
                .map(Replenishment::requestedAt).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized boolean reopen(ReplenishmentId id, Instant at) {
        var row = rows.get(id);
        if (row == null || !Transition.REDRIVE.allowedFrom(row.r().status()) || openFor(row.r().sku()).isPresent()) {
            return false;
        }
        var r = row.r();
        rows.put(id, new Row(copy(r, Transition.REDRIVE.to(), r.attempts(), r.reorders(), r.lastError(),
                r.orderedAt(), null, null), null, at));
        return true;
    }

    @Override
    public synchronized void note(ReplenishmentId id, String note, Instant at) {
        notes.computeIfAbsent(id, k -> new ArrayList<>()).add(at + " " + note);
    }

    @Override
    public synchronized List<String> notes(ReplenishmentId id) {
        return List.copyOf(notes.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized boolean touchIfIdle(ReplenishmentId id, Instant idleSince, Instant at) {
        var row = rows.get(id);
        if (row == null || !Transition.ORDER.allowedFrom(row.r().status()) || !idleSince(row, idleSince)) {
            return false;
        }
        rows.put(id, new Row(row.r(), row.leaseUntil(), at));
        return true;
    }

    @Override
    public synchronized Runnable checkpoint() {
        var savedRows = new LinkedHashMap<>(rows);
        var savedNotes = new HashMap<ReplenishmentId, List<String>>();
        notes.forEach((id, list) -> savedNotes.put(id, new ArrayList<>(list)));
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(savedRows);
                notes.clear();
                notes.putAll(savedNotes);
            }
        };
    }

    private static Replenishment copy(Replenishment r, ReplenishmentStatus status, int attempts, int reorders,
                                      String lastError, Instant orderedAt, Instant failedAt, Instant waitingSince) {
        return new Replenishment(r.id(), r.sku(), r.factoryId(), r.quantity(), status, r.deliveredQuantity(), attempts,
                reorders, lastError, r.requestedAt(), orderedAt, r.deliveredAt(), failedAt, waitingSince);
    }
}
