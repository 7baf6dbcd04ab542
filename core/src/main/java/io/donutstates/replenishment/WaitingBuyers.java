package io.donutstates.replenishment;

import io.donutstates.stock.Sku;
import java.time.Instant;

/**
 * Buyers who wait for a product's next delivery (its backorders), as the replenishment side sees
 * them: how much they wait for, which sizes the next order, and the serving of them from a delivery,
 * in the delivery's own transaction while the shelf is held. A shop without backorders has none.
 */
public interface WaitingBuyers {

    WaitingBuyers NONE = new WaitingBuyers() {
        @Override
        public int waitingDemand(Sku sku) {
            return 0;
        }

        @Override
        public void serveFrom(Sku sku, ReplenishmentId delivery, Instant at) {
        }
    };

    /** The donuts the product's waiting buyers wait for in all. */
    int waitingDemand(Sku sku);

    /**
     * Serves waiting buyers from what a delivery just put on the product's shelf, which this
     * transaction holds; called once per delivery, after the delivery's own ledger lines.
     */
    void serveFrom(Sku sku, ReplenishmentId delivery, Instant at);
}
