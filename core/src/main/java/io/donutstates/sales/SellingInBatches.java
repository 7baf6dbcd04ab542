package io.donutstates.sales;

import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.Shelf;
import io.donutstates.stock.SlotChange;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.stock.StockMovement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: sell to several buyers of one product in one transaction. The product's slots are
 * locked, its stock shared out in arrival order (a buyer who asks for more than is left is refused,
 * later smaller asks may still be served), one update per slot takes what was granted from it, and
 * the sales and ledger lines are written together, so the shelf is locked once per batch instead of
 * once per buyer.
 */
public class SellingInBatches {

    private final Stock stock;
    private final Sales sales;
    private final StockLedger ledger;
    private final StartingReplenishment replenishing;
    private final Transactions transactions;
    private final Clock clock;

    public SellingInBatches(Stock stock, Sales sales, StockLedger ledger, StartingReplenishment replenishing,
                            Transactions transactions, Clock clock) {
        this.stock = stock;
        this.sales = sales;
        this.ledger = ledger;
        this.replenishing = replenishing;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Answers each purchase (all of one SKU), in the order given. */
    public List<SaleResult> sell(Sku sku, List<Purchase> purchases) {
        return transactions.inTransaction(() -> {
            var locked = stock.lock(sku);
            if (locked.isEmpty()) {
                return purchases.stream().<SaleResult>map(p -> new SaleResult.UnknownProduct(sku)).toList();
            }
            var shelf = locked.get();
            var product = shelf.product();
            int[] level = new int[shelf.levels().size()];
            for (int slot = 0; slot < level.length; slot++) {
                level[slot] = shelf.level(slot);
            }
            int left = shelf.total();
            List<Purchase> granted = new ArrayList<>();
            List<List<SlotChange>> takenBy = new ArrayList<>();
            boolean[] sold = new boolean[purchases.size()];
            int[] leftAfter = new int[purchases.size()];
            for (int i = 0; i < purchases.size(); i++) {
                int wanted = purchases.get(i).quantity().value();
                if (wanted <= left) {
                    left -= wanted;
                    sold[i] = true;
                    granted.add(purchases.get(i));
                    takenBy.add(Shelf.takeFullestFirst(level, wanted));
                }
                leftAfter[i] = left;
            }
            var now = clock.instant();
            List<Long> saleIds = List.of();
            if (!granted.isEmpty()) {
                for (int slot = 0; slot < level.length; slot++) {
                    int change = level[slot] - shelf.level(slot);
                    if (change != 0) {
                        stock.change(sku, new SlotChange(slot, change, level[slot]));
                    }
                }
                saleIds = sales.recordAll(granted, now);
                List<StockMovement> movements = new ArrayList<>();
                for (int g = 0; g < granted.size(); g++) {
                    for (SlotChange taken : takenBy.get(g)) {
                        movements.add(StockMovement.sale(sku, taken.slot(), -taken.change(), saleIds.get(g),
                                taken.balanceAfter(), now));
                    }
                }
                ledger.appendAll(movements);
            }
            boolean anyRefused = granted.size() < purchases.size();
            Replenishment replenishment = anyRefused || left <= product.reorderPoint()
                    ? replenishing.ensureUnderWay(product)
                    : null;
            List<SaleResult> results = new ArrayList<>(purchases.size());
            int next = 0;
            for (int i = 0; i < purchases.size(); i++) {
                var purchase = purchases.get(i);
                results.add(sold[i]
                        ? new SaleResult.Sold(saleIds.get(next++), sku, purchase.quantity().value(), leftAfter[i])
                        : new SaleResult.OutOfStock(sku, purchase.quantity().value(), leftAfter[i], replenishment));
            }
            return results;
        });
    }
}
