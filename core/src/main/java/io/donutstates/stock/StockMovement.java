package io.donutstates.stock;

import java.time.Instant;

/**
 * One line of the stock ledger: a change of one slot's stock, that slot's balance after it, and what
 * caused it. The balance lets the audit check the newest line of each slot against the shelf without
 * replaying history; with one slot (the default) it is the product's stock.
 */
public record StockMovement(Sku sku, int slot, int change, int balanceAfter, Reason reason, String reference,
                            Instant at) {

    /** What moved the stock. */
    public enum Reason { SALE, DELIVERY, ADJUSTMENT }

    public StockMovement {
        if (balanceAfter < 0) {
            throw new IllegalArgumentException("a ledger balance is never below zero (got " + balanceAfter + " for " + sku + ")");
        }
        if (slot < 0 || slot >= Product.MAX_SLOTS) {
            throw new IllegalArgumentException("no slot " + slot + " for " + sku);
        }
    }

    public static StockMovement sale(Sku sku, int slot, int quantity, long saleId, int balanceAfter, Instant at) {
        return new StockMovement(sku, slot, -quantity, balanceAfter, Reason.SALE, "sale:" + saleId, at);
    }

    public static StockMovement delivery(Sku sku, int slot, int quantity, String replenishmentId, int balanceAfter,
                                         Instant at) {
        return new StockMovement(sku, slot, quantity, balanceAfter, Reason.DELIVERY,
                "replenishment:" + replenishmentId, at);
    }

    public static StockMovement adjustment(Sku sku, int slot, int change, String note, int balanceAfter, Instant at) {
        return new StockMovement(sku, slot, change, balanceAfter, Reason.ADJUSTMENT, note, at);
    }
}
