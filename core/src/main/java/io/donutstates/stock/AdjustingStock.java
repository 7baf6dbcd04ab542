package io.donutstates.stock;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Use case: an operator sets a product's stock to what was counted on the shelf, or changes its
 * policy. A count is spread evenly over the slots in use; a new number of slots moves the stock
 * onto them, so the product's stock is unchanged. Every slot that changes gets a ledger line.
 */
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
        return transactions.inTransaction(() -> stock.lock(sku).flatMap(shelf -> {
            apply(sku, shelf.levelTo(counted, shelf.product().slots()), "manual count");
            return stock.find(sku);
        }));
    }

    /**
     * Sets the reorder rule and, when {@code slots} is given, the number of slots in use, moving the
     * stock evenly onto them; empty for an unknown SKU.
     */
    public Optional<Product> changePolicy(Sku sku, ReorderPolicy policy, Integer slots) {
        if (slots != null) {
            Product.validSlots(slots);
        }
        return transactions.inTransaction(() -> stock.lock(sku).flatMap(shelf -> {
            int before = shelf.product().slots();
            int after = slots == null ? before : slots;
            stock.changePolicy(sku, policy, after);
            if (after != before) {
                var resized = stock.lock(sku).orElseThrow();
                apply(sku, resized.levelTo(resized.total(), after), "slots " + before + " -> " + after);
            }
            return stock.find(sku);
        }));
    }

    private void apply(Sku sku, List<SlotChange> changes, String note) {
        var now = clock.instant();
        for (SlotChange change : changes) {
            stock.change(sku, change);
        }
        ledger.appendAll(changes.stream()
                .map(c -> StockMovement.adjustment(sku, c.slot(), c.change(), note, c.balanceAfter(), now))
                .toList());
    }
}
