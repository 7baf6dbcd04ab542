package io.donutstates.replenishment;

import io.donutstates.factory.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.UUID;

/** Event: a product's shelf needs refilling; the stock worker orders it from the factory. */
public record StockRanOut(
        UUID eventId, ReplenishmentId replenishmentId, Sku sku, FactoryId factoryId, Quantity quantity,
        Instant occurredAt) {

    static StockRanOut of(Replenishment replenishment, Instant at) {
        return new StockRanOut(UUID.randomUUID(), replenishment.id(), replenishment.sku(),
                replenishment.factoryId(), replenishment.quantity(), at);
    }
}
