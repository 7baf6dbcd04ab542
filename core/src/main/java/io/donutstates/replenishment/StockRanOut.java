package io.donutstates.replenishment;

import io.donutstates.alerting.Alert;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.UUID;

/** Event: a product's shelf needs refilling; the stock worker orders it from the factory. */
public record StockRanOut(
        UUID eventId, ReplenishmentId replenishmentId, Sku sku, FactoryId factoryId, Quantity quantity,
        Instant occurredAt) implements StockEvent {

    static StockRanOut of(Replenishment replenishment, Instant at) {
        return new StockRanOut(UUID.randomUUID(), replenishment.id(), replenishment.sku(),
                replenishment.factoryId(), replenishment.quantity(), at);
    }

    @Override
    public String describe() {
        return "stock event of " + sku.value();
    }

    /** Names the event's product, factory and replenishment. */
    @Override
    public Alert alert(Alert.Kind kind, String reason, String lastError, Instant at) {
        return new Alert(kind, sku.value(), factoryId.value(), replenishmentId.toString(), reason, lastError, at);
    }
}
