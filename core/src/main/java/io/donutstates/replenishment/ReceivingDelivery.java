package io.donutstates.replenishment;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.Alerts;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.stock.StockMovement;
import java.time.Clock;

/**
 * Use case (the original's {@code stock_inc_lambda}): the factory reports production complete and
 * the shelf goes up, exactly once per replenishment however often the factory calls, and never by
 * more than was ordered (plus the tolerance allowed). A short delivery is taken in and noted; the
 * shelf orders again when it runs low. Buyers waiting for the product (backorders) are served
 * from the delivery first, in the same transaction.
 */
public class ReceivingDelivery {

    private final Replenishments replenishments;
    private final Stock stock;
    private final StockLedger ledger;
    private final DeliveryCallbacks callbacks;
    private final Transactions transactions;
    private final Alerts alerts;
    private final OverDeliveryTolerance tolerance;
    private final Clock clock;
    private final WaitingBuyers waiting;

    public ReceivingDelivery(Replenishments replenishments, Stock stock, StockLedger ledger,
                             DeliveryCallbacks callbacks, Transactions transactions, Alerts alerts,
                             OverDeliveryTolerance tolerance, Clock clock) {
        this(replenishments, stock, ledger, callbacks, transactions, alerts, tolerance, clock, WaitingBuyers.NONE);
    }

    /** @param waiting the buyers a delivery serves first (backorders), in the delivery's transaction */
    public ReceivingDelivery(Replenishments replenishments, Stock stock, StockLedger ledger,
                             DeliveryCallbacks callbacks, Transactions transactions, Alerts alerts,
                             OverDeliveryTolerance tolerance, Clock clock, WaitingBuyers waiting) {
        this.waiting = waiting;
        this.replenishments = replenishments;
        this.stock = stock;
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.transactions = transactions;
        this.alerts = alerts;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public DeliveryResult receive(ReplenishmentId id, String token, Delivery delivery) {
        if (!callbacks.isGenuine(id, token)) {
            return new DeliveryResult.NotAuthentic();
        }
        var result = transactions.inTransaction(() -> takeIn(id, delivery));
        if (result instanceof DeliveryResult.Refused refused) {
            raiseRefusal(refused);
        }
        return result;
    }

    private DeliveryResult takeIn(ReplenishmentId id, Delivery delivery) {
        var found = replenishments.find(id);
        if (found.isEmpty()) {
            return new DeliveryResult.UnknownReplenishment();
        }
        var replenishment = found.get();
        if (!replenishment.sku().equals(delivery.sku())) {
            return new DeliveryResult.WrongProduct(replenishment, delivery.sku().value());
        }
        if (replenishment.status() == ReplenishmentStatus.DELIVERED) {
            return new DeliveryResult.AlreadyDelivered(replenishment);
        }
        int reported = delivery.quantity().value();
        int mostAccepted = tolerance.mostAccepted(replenishment.quantity());
        if (reported > mostAccepted) {
            return new DeliveryResult.Refused(replenishment, reported, mostAccepted);
        }
        var now = clock.instant();
        // The shelf is held before the replenishment, in the order buyers take them, so a buyer
        // opening the next replenishment and this delivery never wait for each other in a circle.
        var shelf = stock.lock(delivery.sku());
        if (shelf.isEmpty()) {
            return new DeliveryResult.WrongProduct(replenishment, delivery.sku().value());
        }
        if (!replenishments.markDelivered(id, delivery.quantity(), now)) {
            return new DeliveryResult.AlreadyDelivered(replenishment);
        }
        var added = shelf.get().spread(delivery.quantity().value());
        added.forEach(change -> stock.change(delivery.sku(), change));
        ledger.appendAll(added.stream().map(change -> StockMovement.delivery(delivery.sku(), change.slot(),
                change.change(), id.toString(), change.balanceAfter(), now)).toList());
        // Waiting buyers are sold to from the delivery before anyone else can buy it: the shelf is
        // still held, and their sales commit with the stock increase or not at all.
        waiting.serveFrom(delivery.sku(), id, now);
        var delivered = new DeliveryResult.Delivered(replenishment, reported);
        if (delivered.isShort()) {
            replenishments.note(id, "short delivery: " + reported + " of " + replenishment.quantity().value()
                    + " ordered; the shelf orders again when it runs low", now);
        }
        return delivered;
    }

    /** One alert per replenishment however often the refused callback is repeated (the incident key). */
    private void raiseRefusal(DeliveryResult.Refused refused) {
        var r = refused.replenishment();
        alerts.raise(new Alert(Alert.Kind.DELIVERY_REFUSED, r.sku().value(), r.factoryId().value(), r.id().toString(),
                "callback counted " + refused.reportedQuantity() + " of " + r.quantity().value() + " ordered (at most "
                        + refused.mostAccepted() + " accepted); nothing was added to the shelf",
                null, clock.instant()));
    }
}
