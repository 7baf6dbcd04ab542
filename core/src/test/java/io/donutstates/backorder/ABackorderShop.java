package io.donutstates.backorder;

import io.donutstates.alerting.Alert;
import io.donutstates.messaging.InMemoryOutbox;
import io.donutstates.replenishment.Delivery;
import io.donutstates.replenishment.DeliveryCallbacks;
import io.donutstates.replenishment.DeliveryResult;
import io.donutstates.replenishment.InMemoryReplenishments;
import io.donutstates.replenishment.OverDeliveryTolerance;
import io.donutstates.replenishment.ReceivingDelivery;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.sales.InMemorySaleReceipts;
import io.donutstates.sales.InMemorySales;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.Selling;
import io.donutstates.sales.SellingOnce;
import io.donutstates.shared.InMemoryTransactions;
import io.donutstates.shared.TestClock;
import io.donutstates.stock.InMemoryStock;
import io.donutstates.stock.InMemoryStockLedger;
import io.donutstates.stock.Product;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import io.donutstates.stock.StockMovement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The shop with backorders on in-memory fakes of its ports, one transaction manager over all of them. */
final class ABackorderShop {

    static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

    final InMemoryStock stock = new InMemoryStock();
    final InMemoryStockLedger ledger = new InMemoryStockLedger();
    final InMemorySales sales = new InMemorySales();
    final InMemorySaleReceipts receipts = new InMemorySaleReceipts();
    final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryBackorders backorders = new InMemoryBackorders();
    final InMemoryBackorderNotices notices = new InMemoryBackorderNotices();
    final InMemoryTransactions transactions =
            new InMemoryTransactions(stock, ledger, sales, receipts, replenishments, outbox, backorders, notices);
    final TestClock clock = new TestClock();
    final List<Alert> alerts = new ArrayList<>();
    final StartingReplenishment starting = new StartingReplenishment(replenishments, outbox, clock,
            new DemandSizedOrders(backorders, backorders));
    final Selling selling = new Selling(stock, sales, ledger, starting, transactions, clock);
    final FulfillingBackorders fulfilling = new FulfillingBackorders(stock, sales, ledger, backorders, notices, outbox, starting);
    final Backordering backordering = new Backordering(selling, new SellingOnce(selling, receipts, transactions, clock),
            fulfilling, stock, backorders, backorders, starting, transactions, clock, DEFAULT_EXPIRY);
    final DeliveryCallbacks callbacks =
            new DeliveryCallbacks(() -> "http://shop.example", "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
    final ReceivingDelivery receiving = new ReceivingDelivery(replenishments, stock, ledger, callbacks, transactions,
            alerts::add, OverDeliveryTolerance.NONE, clock, fulfilling);
    final CancellingBackorder cancelling = new CancellingBackorder(backorders, transactions, clock);
    final ExpiringBackorders expiring = new ExpiringBackorders(backorders, notices, transactions, clock, 2, 10);

    ABackorderShop with(Product product) {
        stock.with(product);
        return this;
    }

    Backordering.Outcome buyWaiting(String sku, int quantity) {
        return backordering.sell(Purchase.of(sku, quantity), new BackorderRequest(null), null);
    }

    Backordering.Backordered backordered(String sku, int quantity, String notifyUrl) {
        return (Backordering.Backordered) backordering.sell(Purchase.of(sku, quantity),
                new BackorderRequest(notifyUrl), null);
    }

    Replenishment openReplenishment(String sku) {
        return replenishments.openFor(Sku.of(sku)).orElseThrow();
    }

    DeliveryResult deliver(Replenishment replenishment, int quantity) {
        var url = callbacks.urlFor(replenishment.id()).toString();
        return receiving.receive(replenishment.id(), url.substring(url.indexOf("token=") + 6),
                new Delivery(replenishment.sku(), Quantity.of(quantity)));
    }

    /** Every slot's ledger lines chain (balance before + change = balance after) and end at the slot's level. */
    void assertLedgerAgreesWithShelf(String sku) {
        var bySlot = ledger.lines().stream().filter(l -> l.sku().value().equals(sku))
                .collect(Collectors.groupingBy(StockMovement::slot));
        var levels = stock.slotsOf(sku);
        for (int slot = 0; slot < levels.size(); slot++) {
            int balance = 0;
            for (StockMovement line : bySlot.getOrDefault(slot, List.of())) {
                if (balance + line.change() != line.balanceAfter()) {
                    throw new AssertionError("slot " + slot + " of " + sku + ": line " + line + " does not follow " + balance);
                }
                balance = line.balanceAfter();
            }
            if (balance != levels.get(slot)) {
                throw new AssertionError("slot " + slot + " of " + sku + " holds " + levels.get(slot)
                        + " but its ledger says " + balance);
            }
        }
    }
}
