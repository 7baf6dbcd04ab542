package io.donutstates.stock;

import java.time.Instant;

/**
 * A ledger line as the API shows it: the slot it changed and the stock it left in that slot (with
 * one slot, the product's stock).
 */
public record MovementView(String sku, int slot, int change, int balanceAfter, StockMovement.Reason reason,
                           String reference, Instant at) {

    public static MovementView of(StockMovement m) {
        return new MovementView(m.sku().value(), m.slot(), m.change(), m.balanceAfter(), m.reason(), m.reference(),
                m.at());
    }
}
