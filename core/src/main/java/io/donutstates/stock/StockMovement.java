package io.donutstates.stock;

import java.time.Instant;

/**
 * One line of the stock ledger: a change of stock, the product's balance after it, and what caused
 * it. The balance lets the audit check the newest line against the shelf without replaying history.
 */
public record StockMovement(Sku sku, int change, int balanceAfter, Reason reason, String reference, Instant at) {

    /** What moved the stock. */
    public enum Reason { SALE, DELIVERY, ADJUSTMENT }

    public StockMovement {
        if (balanceAfter < 0) {
            throw new IllegalArgumentException("a ledger balance is never below zero (got " + balanceAfter + " for " + sku + ")");
        }
    }

    public static StockMovement sale(Sku sku, Quantity quantity, long saleId, int balanceAfter, Instant at) {
        return new StockMovement(sku, -quantity.value(), balanceAfter, Reason.SALE, "sale:" + saleId, at);
    }

    public static StockMovement delivery(Sku sku, Quantity quantity, String replenishmentId, int balanceAfter,
                                         Instant at) {
        return new StockMovement(sku, quantity.value(), balanceAfter, Reason.DELIVERY,
                "replenishment:" + replenishmentId, at);
    }

    public static StockMovement adjustment(Sku sku, int change, String note, int balanceAfter, Instant at) {
        return new StockMovement(sku, change, balanceAfter, Reason.ADJUSTMENT, note, at);
    }
}
