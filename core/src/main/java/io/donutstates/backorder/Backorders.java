package io.donutstates.backorder;

import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The backorders as the use cases keep them. Every status change is guarded: it happens only to a
 * waiting backorder ({@link BackorderStatus#canMoveTo}), so a delivery, a cancel and the expiry
 * racing for one backorder end it once. What views read is {@link BackorderViews}.
 */
public interface Backorders {

    /** Records a new waiting backorder and returns it with its position (rising in arrival order). */
    Backorder add(Backorder backorder);

    Optional<Backorder> find(BackorderId id);

    /** The backorder placed under an idempotency key, if any. */
    Optional<Backorder> findByKey(String idempotencyKey);

    /**
     * Up to {@code limit} of the product's waiting backorders after {@code afterPosition}, lowest
     * position first, each held until the transaction ends (a cancel waits, then finds it served).
     */
    List<Backorder> lockWaiting(Sku sku, long afterPosition, int limit);

    /** WAITING to FULFILLED, each with its sale; throws if any of them was no longer waiting. */
    void fulfil(List<Fulfilment> fulfilments, Instant at);

    /** WAITING to CANCELLED or EXPIRED; false if it was not waiting. */
    boolean end(BackorderId id, BackorderStatus to, Instant at);

    /** Waiting backorders whose time ran out by {@code now}, that no other transaction holds, oldest first. */
    List<Backorder> lockExpired(Instant now, int limit);

    /** The product's waiting backorders in all. */
    WaitingDemand waiting(Sku sku);
}
