package io.donutstates.sales;

import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.stock.StockMovement;
import java.time.Clock;

/**
 * Use case: sell from the shelf. The take is one conditional update, so two buyers can never both
 * get the last donut; a shortage starts (or names) the product's one replenishment in the same transaction.
 */
public class Selling implements Checkout {

    private final Stock stock;
    private final Sales sales;
    private final StockLedger ledger;
    private final StartingReplenishment replenishing;
    private final Transactions transactions;
    private final Clock clock;

    public Selling(Stock stock, Sales sales, StockLedger ledger, StartingReplenishment replenishing,
                   Transactions transactions, Clock clock) {
        this.stock = stock;
        this.sales = sales;
        this.ledger = ledger;
        this.replenishing = replenishing;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SaleResult sell(Purchase purchase) {
        return transactions.inTransaction(() -> sellWithinTransaction(purchase));
    }

    SaleResult sellWithinTransaction(Purchase purchase) {
        var afterTake = stock.take(purchase.sku(), purchase.quantity());
        if (afterTake.isPresent()) {
            var product = afterTake.get();
            var now = clock.instant();
            long saleId = sales.record(purchase, now);
            ledger.append(StockMovement.sale(purchase.sku(), purchase.quantity(), saleId, product.stock(), now));
            if (product.needsReorder()) {
                replenishing.ensureUnderWay(product);
            }
            return new SaleResult.Sold(saleId, purchase.sku(), purchase.quantity().value(), product.stock());
        }
        var product = stock.find(purchase.sku());
        if (product.isEmpty()) {
            return new SaleResult.UnknownProduct(purchase.sku());
        }
        return new SaleResult.OutOfStock(purchase.sku(), purchase.quantity().value(), product.get().stock(),
                replenishing.ensureUnderWay(product.get()));
    }
}
