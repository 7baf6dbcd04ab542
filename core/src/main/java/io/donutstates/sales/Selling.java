package io.donutstates.sales;

import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.Shelf;
import io.donutstates.stock.SlotChange;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.stock.StockMovement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/**
 * Use case: sell from the shelf, one purchase per transaction. The take is one conditional update of
 * one slot, so two buyers can never both get the last donut, and buyers starting at different slots
 * of a hot product do not wait for each other. A slot that holds too little sends the buyer to the
 * slots that hold enough and that no one else holds at that moment; failing those (or for a
 * quantity no slot holds alone) it decides with every slot locked, so the buyer is refused only
 * when the whole shelf holds too little. A shortage starts (or
 * names) the product's one replenishment in the same transaction.
 */
public class Selling implements Checkout {

    /** How often a buyer goes round the free slots before it locks them all to decide. */
    static final int ROUNDS_BEFORE_LOCKING = 3;

    private final Stock stock;
    private final Sales sales;
    private final StockLedger ledger;
    private final StartingReplenishment replenishing;
    private final Transactions transactions;
    private final Clock clock;
    private final IntUnaryOperator startingSlot;
    /** How many slots each product had in use when last looked at: where buyers start. */
    private final Map<Sku, Integer> slotsInUse = new ConcurrentHashMap<>();

    public Selling(Stock stock, Sales sales, StockLedger ledger, StartingReplenishment replenishing,
                   Transactions transactions, Clock clock) {
        this(stock, sales, ledger, replenishing, transactions, clock,
                slots -> ThreadLocalRandom.current().nextInt(slots));
    }

    /** @param startingSlot picks the slot a buyer tries first, given the slots in use */
    public Selling(Stock stock, Sales sales, StockLedger ledger, StartingReplenishment replenishing,
                   Transactions transactions, Clock clock, IntUnaryOperator startingSlot) {
        this.stock = stock;
        this.sales = sales;
        this.ledger = ledger;
        this.replenishing = replenishing;
        this.transactions = transactions;
        this.clock = clock;
        this.startingSlot = startingSlot;
    }

    @Override
    public SaleResult sell(Purchase purchase) {
        return transactions.inTransaction(() -> sellWithinTransaction(purchase));
    }

    SaleResult sellWithinTransaction(Purchase purchase) {
        Sku sku = purchase.sku();
        int quantity = purchase.quantity().value();
        int inUse = slotsInUse.getOrDefault(sku, 1);
        int first = inUse == 1 ? 0 : startingSlot.applyAsInt(inUse);
        if (stock.take(sku, first, quantity)) {
            return sold(purchase, List.of(new SlotChange(first, -quantity, 0)));
        }
        var looked = stock.look(sku);
        if (looked.isEmpty()) {
            return new SaleResult.UnknownProduct(sku);
        }
        var shelf = remember(looked.get());
        for (int round = 0; round < ROUNDS_BEFORE_LOCKING && shelf.total() >= quantity; round++) {
            var serving = shelf.slotsServing(quantity, first);
            if (serving.isEmpty()) {
                break;
            }
            for (int slot : serving) {
                if ((slot != first || round > 0) && stock.takeIfFree(sku, slot, quantity)) {
                    return sold(purchase, List.of(new SlotChange(slot, -quantity, 0)));
                }
            }
            // Every slot that could serve was busy or emptied meanwhile: look again.
            shelf = remember(stock.look(sku).orElseThrow());
        }
        if (shelf.total() >= quantity) {
            // Enough on the shelf, but not in one slot (or another buyer got there first): decide
            // with every slot held.
            var locked = remember(stock.lock(sku).orElseThrow());
            var across = locked.takeAcross(quantity);
            if (across.isPresent()) {
                across.get().forEach(change -> stock.change(sku, change));
                return sold(purchase, across.get());
            }
            shelf = locked;
        }
        return new SaleResult.OutOfStock(sku, quantity, shelf.total(), replenishing.ensureUnderWay(shelf.product()));
    }

    /** Records the sale and a ledger line per slot taken from, each with the slot's balance as it stands. */
    private SaleResult sold(Purchase purchase, List<SlotChange> taken) {
        Sku sku = purchase.sku();
        var after = remember(stock.look(sku).orElseThrow());
        var now = clock.instant();
        long saleId = sales.record(purchase, now);
        ledger.appendAll(taken.stream().map(t -> StockMovement.sale(sku, t.slot(), -t.change(), saleId,
                after.level(t.slot()), now)).toList());
        var product = after.product();
        if (product.needsReorder()) {
            replenishing.ensureUnderWay(product);
        }
        return new SaleResult.Sold(saleId, sku, purchase.quantity().value(), product.stock());
    }

    private Shelf remember(Shelf shelf) {
        slotsInUse.put(shelf.product().sku(), shelf.product().slots());
        return shelf;
    }
}
