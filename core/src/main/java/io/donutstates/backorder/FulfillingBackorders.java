package io.donutstates.backorder;

import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.replenishment.WaitingBuyers;
import io.donutstates.messaging.Outbox;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.Sales;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Shelf;
import io.donutstates.stock.SlotChange;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.stock.StockMovement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: a delivery serves the product's waiting backorders before anyone else, strictly in
 * arrival order and each in full: the first one the shelf cannot serve whole stops the line (a
 * later, smaller one does not pass it), and what is left stays on the shelf for any buyer. It runs
 * in the delivery's transaction with the shelf held, after the delivery's ledger lines, so the
 * delivery is taken in and its backorders served together, exactly once.
 *
 * <p>Each served backorder becomes a sale like any other: a sale row and a SALE ledger line per slot
 * it is taken from, each with the slot's running balance, so every slot's lines still add up to
 * the slot (the delivery's DELIVERY lines put the donuts on the shelf, the SALE lines take them
 * off). When buyers still wait afterwards, the next replenishment is opened at once, sized to them.
 *
 * <p>Each backorder a delivery serves also puts a {@link BackorderFulfilled} in the stock outbox, in
 * the same transaction, for the stock topic's other subscribers. (A backorder served straight from
 * the shelf, when stock came back in the instant it was placed, was served by no delivery and has
 * no such event; its buyer's notice and its status say the same.)
 */
public class FulfillingBackorders implements WaitingBuyers {

    /** Waiting backorders read (and held) at a time. */
    static final int PAGE = 500;

    private final Stock stock;
    private final Sales sales;
    private final StockLedger ledger;
    private final Backorders backorders;
    private final Outbox<BackorderNotice> notices;
    private final Outbox<? super BackorderFulfilled> stockEvents;
    private final StartingReplenishment replenishing;

    /** @param stockEvents the stock outbox, which carries a {@link BackorderFulfilled} per served backorder to the stock topic */
    public FulfillingBackorders(Stock stock, Sales sales, StockLedger ledger, Backorders backorders,
                                Outbox<BackorderNotice> notices, Outbox<? super BackorderFulfilled> stockEvents,
                                StartingReplenishment replenishing) {
        this.stockEvents = stockEvents;
        this.stock = stock;
        this.sales = sales;
        this.ledger = ledger;
        this.backorders = backorders;
        this.notices = notices;
        this.replenishing = replenishing;
    }

    @Override
    public int waitingDemand(Sku sku) {
        return backorders.waiting(sku).donuts();
    }

    /** @param delivery the replenishment whose delivery serves them, or null when served from the shelf */
    @Override
    public void serveFrom(Sku sku, ReplenishmentId delivery, Instant at) {
        var shelf = stock.look(sku).orElseThrow(() -> new IllegalStateException("no shelf for " + sku));
        int[] level = new int[shelf.levels().size()];
        for (int slot = 0; slot < level.length; slot++) {
            level[slot] = shelf.level(slot);
        }
        int left = shelf.total();
        List<Backorder> served = new ArrayList<>();
        List<List<SlotChange>> takenBy = new ArrayList<>();
        boolean stillWaiting = false;
        long after = 0;
        while (!stillWaiting) {
            var page = backorders.lockWaiting(sku, after, PAGE);
            for (Backorder backorder : page) {
                int wanted = backorder.quantity().value();
                if (wanted > left) {
                    stillWaiting = true;
                    break;
                }
                left -= wanted;
                served.add(backorder);
                takenBy.add(Shelf.takeFullestFirst(level, wanted));
                after = backorder.position();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (!served.isEmpty()) {
            sell(sku, shelf.levels(), level, served, takenBy, delivery, at);
        }
        if (stillWaiting) {
            replenishing.ensureUnderWay(stock.look(sku).orElseThrow().product());
        }
    }

    private void sell(Sku sku, List<Integer> before, int[] level, List<Backorder> served,
                      List<List<SlotChange>> takenBy, ReplenishmentId delivery, Instant at) {
        for (int slot = 0; slot < level.length; slot++) {
            int change = level[slot] - before.get(slot);
            if (change != 0) {
                stock.change(sku, new SlotChange(slot, change, level[slot]));
            }
        }
        var saleIds = sales.recordAll(served.stream().map(b -> new Purchase(sku, b.quantity())).toList(), at);
        List<StockMovement> lines = new ArrayList<>();
        List<Fulfilment> fulfilments = new ArrayList<>();
        for (int i = 0; i < served.size(); i++) {
            for (SlotChange taken : takenBy.get(i)) {
                lines.add(StockMovement.sale(sku, taken.slot(), -taken.change(), saleIds.get(i), taken.balanceAfter(), at));
            }
            fulfilments.add(new Fulfilment(served.get(i).id(), saleIds.get(i), delivery));
        }
        ledger.appendAll(lines);
        backorders.fulfil(fulfilments, at);
        for (int i = 0; i < served.size(); i++) {
            if (delivery != null) {
                stockEvents.append(BackorderFulfilled.of(served.get(i), saleIds.get(i), delivery, at));
            }
            var notice = BackorderNotice.of(served.get(i).fulfilled(saleIds.get(i), delivery, at), at);
            if (notice != null) {
                notices.append(notice);
            }
        }
    }
}
