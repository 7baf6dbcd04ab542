package io.donutstates.sales;

import io.donutstates.replenishment.Replenishment;
import io.donutstates.stock.Sku;

/** The answer to a purchase. */
public sealed interface SaleResult {

    /** Stock was taken; the sale is complete. */
    record Sold(long saleId, Sku sku, int quantity, int remainingStock) implements SaleResult { }

    /** Too little stock; the named replenishment is under way. */
    record OutOfStock(Sku sku, int requested, int available, Replenishment replenishment) implements SaleResult { }

    /** No such product. */
    record UnknownProduct(Sku sku) implements SaleResult { }

    /** The idempotency key was used before for a different purchase; nothing was sold. */
    record KeyReused(String key) implements SaleResult { }
}
