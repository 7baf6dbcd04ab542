package io.donutstates.sales;

import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.stock.StockMovement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: sell to several buyers of one product in one transaction. The product row is locked,
 * its stock shared out in arrival order (a buyer who asks for more than is left is refused, later
 * smaller asks may still be served), one update takes the sum, and the sales and ledger lines are
 * written together, so the row is locked once per batch instead of once per buyer.
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
            var locked = stock.lockForSale(sku);
            if (locked.isEmpty()) {
                return purchases.stream().<SaleResult>map(p -> new SaleResult.UnknownProduct(sku)).toList();
            }
            var product = locked.get();
            int left = product.stock();
            List<Purchase> granted = new ArrayList<>();
            boolean[] sold = new boolean[purchases.size()];
            int[] leftAfter = new int[purchases.size()];
            for (int i = 0; i < purchases.size(); i++) {
                int wanted = purchases.get(i).quantity().value();
                if (wanted <= left) {
                    left -= wanted;
                    sold[i] = true;
                    granted.add(purchases.get(i));
                }
                leftAfter[i] = left;
            }
            var now = clock.instant();
            List<Long> saleIds = List.of();
            if (!granted.isEmpty()) {
                stock.remove(sku, product.stock() - left);
                saleIds = sales.recordAll(granted, now);
                List<StockMovement> movements = new ArrayList<>();
                for (int i = 0, g = 0; i < purchases.size(); i++) {
                    if (sold[i]) {
                        movements.add(StockMovement.sale(sku, purchases.get(i).quantity(), saleIds.get(g++),
                                leftAfter[i], now));
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
