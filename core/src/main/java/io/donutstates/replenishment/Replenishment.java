package io.donutstates.replenishment;

import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;

/** A request to refill one product's shelf and how far it has come. */
public record Replenishment(
        ReplenishmentId id,
        Sku sku,
        FactoryId factoryId,
        Quantity quantity,
        ReplenishmentStatus status,
        Integer deliveredQuantity,
        int attempts,
        int reorders,
        String lastError,
        Instant requestedAt,
        Instant orderedAt,
        Instant deliveredAt,
        Instant failedAt,
        Instant waitingForFactorySince) {

    public static Replenishment requested(ReplenishmentId id, Sku sku, FactoryId factoryId, Quantity quantity,
                                          Instant at) {
        return new Replenishment(id, sku, factoryId, quantity, ReplenishmentStatus.REQUESTED,
                null, 0, 0, null, at, null, null, null, null);
    }

    /** How long its factory has failed to take the order, zero when it has not failed (yet). */
    public java.time.Duration waitingForFactory(Instant now) {
        return waitingForFactorySince == null ? java.time.Duration.ZERO
                : java.time.Duration.between(waitingForFactorySince, now);
    }

    public StockRanOut event(Instant at) {
        return StockRanOut.of(this, at);
    }
}
