package io.donutstates.stock;

import java.time.Instant;

/** A ledger line as the API shows it, with the stock it left on the shelf. */
public record MovementView(String sku, int change, int balanceAfter, StockMovement.Reason reason, String reference,
                           Instant at) {

    public static MovementView of(StockMovement m) {
        return new MovementView(m.sku().value(), m.change(), m.balanceAfter(), m.reason(), m.reference(), m.at());
    }
}
