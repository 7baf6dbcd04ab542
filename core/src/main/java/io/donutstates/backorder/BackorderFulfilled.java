package io.donutstates.backorder;

import io.donutstates.alerting.Alert;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.StockEvent;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.UUID;

/**
 * Event of the stock topic: a delivery served a waiting backorder, which became sale {@code saleId}.
 * For subscribers other than the stock worker (which has nothing to do with it): a mailer, a
 * warehouse's picking list, analytics. Written in the delivery's transaction, one per backorder.
 */
public record BackorderFulfilled(UUID eventId, BackorderId backorderId, Sku sku, int quantity, long position,
                                 long saleId, ReplenishmentId replenishmentId, Instant occurredAt)
        implements StockEvent {

    static BackorderFulfilled of(Backorder backorder, long saleId, ReplenishmentId delivery, Instant at) {
        return new BackorderFulfilled(UUID.randomUUID(), backorder.id(), backorder.sku(),
                backorder.quantity().value(), backorder.position(), saleId, delivery, at);
    }

    @Override
    public String describe() {
        return "backorder fulfilment of " + sku.value();
    }

    @Override
    public Alert alert(Alert.Kind kind, String reason, String lastError, Instant at) {
        return new Alert(kind, sku.value(), null, replenishmentId.toString(), reason, lastError, at);
    }
}
