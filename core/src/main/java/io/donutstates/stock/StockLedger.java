package io.donutstates.stock;

import java.util.List;

/** The append-only record of every stock change. */
public interface StockLedger {

    void append(StockMovement movement);

    void appendAll(List<StockMovement> movements);

    /** The newest movements of a product first. */
    List<StockMovement> history(Sku sku, int limit);
}
