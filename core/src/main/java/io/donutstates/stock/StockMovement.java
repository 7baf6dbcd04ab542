package io.donutstates.stock;

import java.time.Instant;

/** One line of the stock ledger: a change of stock and what caused it. */
public record StockMovement(Sku sku, int change, Reason reason, String reference, Instant at) {

    /** What moved the stock. */
    public enum Reason { SALE, DELIVERY, ADJUSTMENT }

    public static StockMovement sale(Sku sku, Quantity quantity, long saleId, Instant at) {
        return new StockMovement(sku, -quantity.value(), Reason.SALE, "sale:" + saleId, at);
    }

    public static StockMovement delivery(Sku sku, Quantity quantity, String replenishmentId, Instant at) {
        return new StockMovement(sku, quantity.value(), Reason.DELIVERY, "replenishment:" + replenishmentId, at);
    }

    public static StockMovement adjustment(Sku sku, int change, String note, Instant at) {
        return new StockMovement(sku, change, Reason.ADJUSTMENT, note, at);
    }
}
