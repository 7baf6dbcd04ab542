package io.donutstates.replenishment;

import io.donutstates.messaging.Outbox;
import io.donutstates.stock.Product;
import java.time.Clock;

/**
 * Use case: make sure a product that ran short has exactly one replenishment under way.
 * Runs inside the caller's transaction so the replenishment and its event commit with the sale.
 */
public class StartingReplenishment {

    private final Replenishments replenishments;
    private final Outbox<StockEvent> outbox;
    private final Clock clock;
    private final OrderSize orderSize;

    public StartingReplenishment(Replenishments replenishments, Outbox<StockEvent> outbox, Clock clock) {
        this(replenishments, outbox, clock, OrderSize.POLICY);
    }

    /** @param orderSize how much a new replenishment orders (the policy's quantity, or sized to demand) */
    public StartingReplenishment(Replenishments replenishments, Outbox<StockEvent> outbox, Clock clock,
                                 OrderSize orderSize) {
        this.orderSize = orderSize;
        this.replenishments = replenishments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns the product's open replenishment, starting one (and its event) if there was none. */
    public Replenishment ensureUnderWay(Product product) {
        var open = replenishments.openFor(product.sku());
        if (open.isPresent()) {
            return open.get();
        }
        var started = Replenishment.requested(ReplenishmentId.random(), product.sku(), product.factoryId(),
                orderSize.of(product), clock.instant());
        if (replenishments.open(started)) {
            outbox.append(started.event(clock.instant()));
            return started;
        }
        // Another buyer's transaction opened one first; the database let exactly one through.
        return replenishments.openFor(product.sku())
                .orElseThrow(() -> new IllegalStateException("open replenishment vanished for " + product.sku()));
    }
}
