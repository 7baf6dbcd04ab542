package io.donutstates.replenishment;

import io.donutstates.factory.Factory;
import io.donutstates.factory.FactoryAnswer;
import io.donutstates.factory.ProductionOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case (the original's {@code stock_lambda}): order a requested replenishment from its factory.
 * Idempotent per replenishment, not per message: a duplicate or redelivered event orders nothing twice.
 */
public class OrderingFromFactory {

    private final Replenishments replenishments;
    private final Factory factory;
    private final DeliveryCallbacks callbacks;
    private final Clock clock;
    private final Duration lease;

    public OrderingFromFactory(Replenishments replenishments, Factory factory, DeliveryCallbacks callbacks,
                               Clock clock, Duration lease) {
        this.replenishments = replenishments;
        this.factory = factory;
        this.callbacks = callbacks;
        this.clock = clock;
        this.lease = lease;
    }

    public OrderOutcome order(ReplenishmentId id) {
        var found = replenishments.find(id);
        if (found.isEmpty()) {
            return new OrderOutcome.NothingToDo("unknown replenishment " + id);
        }
        var replenishment = found.get();
        if (!Transition.ORDER.allowedFrom(replenishment.status())) {
            return new OrderOutcome.NothingToDo("replenishment " + id + " is " + replenishment.status());
        }
        var now = clock.instant();
        if (!replenishments.claimForOrdering(id, now, now.plus(lease))) {
            return replenishments.find(id).filter(r -> Transition.ORDER.allowedFrom(r.status())).isPresent()
                    ? new OrderOutcome.Busy(lease)
                    : new OrderOutcome.NothingToDo("replenishment " + id + " moved on");
        }
        var order = new ProductionOrder(id.orderReference(), replenishment.sku(), replenishment.factoryId(),
                replenishment.quantity(), callbacks.urlFor(id));
        FactoryAnswer answer = factory.order(order);
        if (answer instanceof FactoryAnswer.Unavailable unavailable) {
            var since = failed(replenishment, unavailable.reason());
            return new OrderOutcome.FactoryUnavailable(replenishment, unavailable.reason(), since);
        }
        if (answer instanceof FactoryAnswer.Refused refused) {
            var since = failed(replenishment, refused.reason());
            return new OrderOutcome.FactoryRefused(replenishment, refused.reason(), since);
        }
        replenishments.markOrdered(id, clock.instant());
        return new OrderOutcome.Ordered(replenishment);
    }

    /** Releases the lease and returns since when the factory has been failing this replenishment. */
    private Instant failed(Replenishment replenishment, String reason) {
        var now = clock.instant();
        replenishments.releaseAfterFailure(replenishment.id(), reason, now);
        return replenishment.waitingForFactorySince() != null ? replenishment.waitingForFactorySince() : now;
    }
}
