package io.donutstates.backorder;

import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.shared.RollsBack;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The backorders in memory, with the SQL's conditions: positions rise like an auto-increment column
 * (also past a rolled-back transaction), status changes happen only to a waiting backorder, an
 * idempotency key names one backorder at most.
 */
public final class InMemoryBackorders implements Backorders, BackorderViews, BackorderPolicies, RollsBack {

    private final Map<BackorderId, Backorder> rows = new LinkedHashMap<>();
    private final Map<Sku, BackorderPolicy> policies = new HashMap<>();
    private long lastPosition;

    public synchronized List<Backorder> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized Backorder add(Backorder backorder) {
        if (backorder.idempotencyKey() != null && findByKey(backorder.idempotencyKey()).isPresent()) {
            throw new IllegalStateException("duplicate idempotency key " + backorder.idempotencyKey());
        }
        var placed = backorder.at(++lastPosition);
        rows.put(placed.id(), placed);
        return placed;
    }

    @Override
    public synchronized Optional<Backorder> find(BackorderId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<Backorder> findByKey(String idempotencyKey) {
        return rows.values().stream().filter(b -> idempotencyKey.equals(b.idempotencyKey())).findFirst();
    }

    @Override
    public synchronized List<Backorder> lockWaiting(Sku sku, long afterPosition, int limit) {
        return rows.values().stream()
                .filter(b -> b.sku().equals(sku) && b.isWaiting() && b.position() > afterPosition)
                .sorted(Comparator.comparingLong(Backorder::position)).limit(limit).toList();
    }

    @Override
    public synchronized void fulfil(List<Fulfilment> fulfilments, Instant at) {
        for (Fulfilment f : fulfilments) {
            var b = rows.get(f.id());
            if (b == null || !b.isWaiting()) {
                throw new IllegalStateException("backorder " + f.id() + " is no longer waiting");
            }
        }
        fulfilments.forEach(f -> rows.put(f.id(), rows.get(f.id()).fulfilled(f.saleId(), f.delivery(), at)));
    }

    @Override
    public synchronized boolean end(BackorderId id, BackorderStatus to, Instant at) {
        var b = rows.get(id);
        if (b == null || !b.status().canMoveTo(to) || to == BackorderStatus.FULFILLED) {
            return false;
        }
        rows.put(id, b.ended(to, at));
        return true;
    }

    @Override
    public synchronized List<Backorder> lockExpired(Instant now, int limit) {
        return rows.values().stream().filter(b -> b.isWaiting() && !b.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Backorder::expiresAt).thenComparingLong(Backorder::position))
                .limit(limit).toList();
    }

    @Override
    public synchronized WaitingDemand waiting(Sku sku) {
        var waiting = rows.values().stream().filter(b -> b.sku().equals(sku) && b.isWaiting()).toList();
        if (waiting.isEmpty()) {
            return WaitingDemand.none(sku);
        }
        return new WaitingDemand(sku, waiting.size(), waiting.stream().mapToInt(b -> b.quantity().value()).sum(),
                waiting.stream().map(Backorder::createdAt).min(Comparator.naturalOrder()).orElseThrow());
    }

    @Override
    public synchronized List<Backorder> page(Sku sku, Long beforePosition, int limit) {
        return rows.values().stream()
                .filter(b -> b.sku().equals(sku) && (beforePosition == null || b.position() < beforePosition))
                .sorted(Comparator.comparingLong(Backorder::position).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<WaitingDemand> waitingByProduct(int limit) {
        return rows.values().stream().filter(Backorder::isWaiting).map(Backorder::sku).distinct()
                .sorted(Comparator.comparing(Sku::value)).limit(limit).map(this::waiting).toList();
    }

    @Override
    public synchronized Map<Sku, WaitingDemand> waitingFor(Collection<Sku> products) {
        Map<Sku, WaitingDemand> waiting = new LinkedHashMap<>();
        products.stream().distinct().map(this::waiting).filter(w -> w.backorders() > 0)
                .forEach(w -> waiting.put(w.sku(), w));
        return waiting;
    }

    @Override
    public synchronized Map<ReplenishmentId, Served> servedBy(Collection<ReplenishmentId> deliveries) {
        Map<ReplenishmentId, Served> served = new LinkedHashMap<>();
        deliveries.stream().distinct().forEach(d -> {
            var share = servedBy(d);
            if (share.backorders() > 0) {
                served.put(d, share);
            }
        });
        return served;
    }

    @Override
    public synchronized Served servedBy(ReplenishmentId delivery) {
        var served = rows.values().stream().filter(b -> Objects.equals(delivery, b.fulfilledBy())).toList();
        return new Served(served.size(), served.stream().mapToInt(b -> b.quantity().value()).sum());
    }

    @Override
    public synchronized Optional<BackorderPolicy> policyOf(Sku sku) {
        return Optional.ofNullable(policies.get(sku));
    }

    @Override
    public synchronized void set(Sku sku, BackorderPolicy policy) {
        policies.put(sku, policy);
    }

    @Override
    public synchronized Runnable checkpoint() {
        var savedRows = new LinkedHashMap<>(rows);
        var savedPolicies = new HashMap<>(policies);
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(savedRows);
                policies.clear();
                policies.putAll(savedPolicies);
            }
        };
    }

    /** The waiting backorders of a product in the order a delivery serves them. */
    public synchronized List<Backorder> waitingLine(String sku) {
        return new ArrayList<>(lockWaiting(Sku.of(sku), 0, Integer.MAX_VALUE));
    }
}
