package io.donutstates.replenishment;

import io.donutstates.messaging.OutboxEvent;
import io.donutstates.stock.Sku;

/**
 * An event of the stock topic, about a product and the replenishment it belongs to: a shelf that ran
 * out ({@link StockRanOut}, the stock worker's work) or a backorder a delivery served (for any other
 * subscriber). Written to the stock outbox in the transaction of the change it reports.
 */
public interface StockEvent extends OutboxEvent {

    Sku sku();

    ReplenishmentId replenishmentId();
}
