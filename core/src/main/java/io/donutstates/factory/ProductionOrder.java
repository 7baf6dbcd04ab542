package io.donutstates.factory;

import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.net.URI;

/** What the shop asks a factory to produce, and where the factory reports completion. */
public record ProductionOrder(OrderReference reference, Sku sku, FactoryId factoryId, Quantity quantity,
                              URI callbackUrl) {
}
