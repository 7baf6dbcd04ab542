package io.donutstates.sales;

import io.donutstates.messaging.InMemoryOutbox;
import io.donutstates.replenishment.InMemoryReplenishments;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.shared.InMemoryTransactions;
import io.donutstates.shared.TestClock;
import io.donutstates.stock.InMemoryStock;
import io.donutstates.stock.InMemoryStockLedger;
import io.donutstates.stock.Product;
import io.donutstates.stock.Sku;

/** The sales side of the shop on in-memory fakes of its ports, one transaction manager over all of them. */
final class AShop {

    final InMemoryStock stock = new InMemoryStock();
    final InMemoryStockLedger ledger = new InMemoryStockLedger();
    final InMemorySales sales = new InMemorySales();
    final InMemorySaleReceipts receipts = new InMemorySaleReceipts();
    final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryTransactions transactions =
            new InMemoryTransactions(stock, ledger, sales, receipts, replenishments, outbox);
    final TestClock clock = new TestClock();
    final StartingReplenishment starting = new StartingReplenishment(replenishments, outbox, clock);

    AShop with(Product product) {
        stock.with(product);
        return this;
    }

    Selling selling() {
        return new Selling(stock, sales, ledger, starting, transactions, clock);
    }

    /** Per-purchase selling whose buyers start at the slot {@code startingSlot} picks. */
    Selling selling(java.util.function.IntUnaryOperator startingSlot) {
        return new Selling(stock, sales, ledger, starting, transactions, clock, startingSlot);
    }

    SellingOnce sellingOnce() {
        return new SellingOnce(selling(), receipts, transactions, clock);
    }

    SellingInBatches sellingInBatches() {
        return new SellingInBatches(stock, sales, ledger, starting, transactions, clock);
    }

    Replenishment openReplenishment(String sku) {
        return replenishments.openFor(Sku.of(sku)).orElseThrow();
    }
}
