package io.donutstates.factory.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** {@code POST /api/manufactures}: accepts a production order and schedules its completion callback. */
final class ProductionEndpoint implements Route {

    private final Supplier<Faults> faults;
    private final OrderBook orders;
    private final CallbackSender callbacks;
    private final StatsCounter stats;
    private final Clock clock;

    ProductionEndpoint(Supplier<Faults> faults, OrderBook orders, CallbackSender callbacks, StatsCounter stats,
                       Clock clock) {
        this.faults = faults;
        this.orders = orders;
        this.callbacks = callbacks;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public Reply handle(HttpExchange exchange) {
        ProductionRequest request = ProductionRequest.from(RequestBodies.readObject(exchange));
        // One read of the faults so that the whole order sees a consistent set even if they change meanwhile.
        Faults current = faults.get();
        if (ThreadLocalRandom.current().nextDouble() < current.failureRate()) {
            stats.refused();
            throw new ApiException(503, "factory unavailable (simulated failure)");
        }
        TrackedOrder order = new TrackedOrder(request, clock.instant());
        orders.add(order);
        stats.accepted();
        if (current.dropCallbacks()) {
            order.dropped();
        } else {
            callbacks.schedule(order, current);
        }
        return Reply.of(202, new Accepted("accepted", order.orderId()));
    }

    /** The 202 body; a record so the fields keep the legacy order. */
    record Accepted(String message, String orderId) {
    }
}
