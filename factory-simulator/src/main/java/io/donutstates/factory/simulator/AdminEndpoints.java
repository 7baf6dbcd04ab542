package io.donutstates.factory.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Admin and observability endpoints: faults, stats, orders and health. */
final class AdminEndpoints {

    private final AtomicReference<Faults> faults;
    private final Supplier<FactoryStats> stats;
    private final OrderBook orders;

    AdminEndpoints(AtomicReference<Faults> faults, Supplier<FactoryStats> stats, OrderBook orders) {
        this.faults = faults;
        this.stats = stats;
        this.orders = orders;
    }

    Reply getFaults(HttpExchange exchange) {
        return Reply.ok(FaultsJson.toJson(faults.get()));
    }

    /** The update is computed completely before the swap, so an invalid body changes nothing. */
    Reply putFaults(HttpExchange exchange) {
        var update = RequestBodies.readObject(exchange);
        try {
            return Reply.ok(FaultsJson.toJson(faults.updateAndGet(current -> FaultsJson.apply(current, update))));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    Reply stats(HttpExchange exchange) {
        return Reply.ok(stats.get());
    }

    Reply orders(HttpExchange exchange) {
        return Reply.ok(orders.recent());
    }

    Reply health(HttpExchange exchange) {
        return Reply.ok(Map.of("status", "UP"));
    }
}
