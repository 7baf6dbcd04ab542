package io.donutstates.stock;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.util.Optional;

/** Use case: an operator sets a product's stock to what was counted on the shelf. */
public class AdjustingStock {

    private final Stock stock;
    private final StockLedger ledger;
    private final Transactions transactions;
    private final Clock clock;

    public AdjustingStock(Stock stock, StockLedger ledger, Transactions transactions, Clock clock) {
        this.stock = stock;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return the product after the adjustment, or empty for an unknown SKU */
    public Optional<Product> setStock(Sku sku, int counted) {
        if (counted < 0 || counted > Quantity.MAX) {
            throw new IllegalArgumentException("stock must be between 0 and " + Quantity.MAX + " (got " + counted + ")");
        }
        return transactions.inTransaction(() -> stock.replace(sku, counted).flatMap(before -> {
            if (before != counted) {
                ledger.append(StockMovement.adjustment(sku, counted - before, "manual count", counted, clock.instant()));
            }
            return stock.find(sku);
        }));
    }
}
