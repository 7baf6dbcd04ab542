package io.donutstates.replenishment;

import io.donutstates.shared.Transactions;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.stock.StockMovement;
import java.time.Clock;

/**
 * Use case (the original's {@code stock_inc_lambda}): the factory reports production complete and
 * the shelf goes up, exactly once per replenishment however often the factory calls.
 */
public class ReceivingDelivery {

    private final Replenishments replenishments;
    private final Stock stock;
    private final StockLedger ledger;
    private final DeliveryCallbacks callbacks;
    private final Transactions transactions;
    private final Clock clock;

    public ReceivingDelivery(Replenishments replenishments, Stock stock, StockLedger ledger,
                             DeliveryCallbacks callbacks, Transactions transactions, Clock clock) {
        this.replenishments = replenishments;
        this.stock = stock;
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.transactions = transactions;
        this.clock = clock;
    }

    public DeliveryResult receive(ReplenishmentId id, String token, Delivery delivery) {
        if (!callbacks.isGenuine(id, token)) {
            return new DeliveryResult.NotAuthentic();
        }
        return transactions.inTransaction(() -> {
            var found = replenishments.find(id);
            if (found.isEmpty()) {
                return new DeliveryResult.UnknownReplenishment();
            }
            var replenishment = found.get();
            if (!replenishment.sku().equals(delivery.sku())) {
                return new DeliveryResult.WrongProduct(replenishment, delivery.sku().value());
            }
            var now = clock.instant();
            if (!replenishments.markDelivered(id, delivery.quantity(), now)) {
                return new DeliveryResult.AlreadyDelivered(replenishment);
            }
            int onShelf = stock.add(delivery.sku(), delivery.quantity());
            ledger.append(StockMovement.delivery(delivery.sku(), delivery.quantity(), id.toString(), onShelf, now));
            return new DeliveryResult.Delivered(replenishment, delivery.quantity().value());
        });
    }
}
