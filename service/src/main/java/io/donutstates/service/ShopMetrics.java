package io.donutstates.service;

import io.donutstates.housekeeping.JdbcPurgeableTables;
import io.donutstates.housekeeping.Purged;
import io.donutstates.replenishment.OrderOutcome;
import io.donutstates.sales.SaleResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The shop's own meters: sales by outcome, factory orders, how long shelves wait for the factory,
 * and the rows housekeeping removed.
 */
@Component
public class ShopMetrics {

    private final MeterRegistry meters;
    private final Clock clock;
    private final Counter sold;
    private final Counter outOfStock;
    private final Counter otherSales;
    private final Timer toAnswer;
    private final Timer toOrder;
    private final Timer toDelivery;
    private final SalesRate salesRate;

    ShopMetrics(MeterRegistry meters, Clock clock, SalesRate salesRate) {
        this.meters = meters;
        this.clock = clock;
        this.salesRate = salesRate;
        this.sold = sales(meters, "sold");
        this.outOfStock = sales(meters, "out_of_stock");
        this.otherSales = sales(meters, "refused");
        this.toAnswer = Timer.builder("donut.sales.time")
                .description("from a purchase's arrival to its answer, sold or not (POST /api/sales and /send)")
                .publishPercentileHistogram().register(meters);
        this.toOrder = Timer.builder("donut.replenishment.time.to.order")
                .description("from stock-out to the factory accepting the order")
                .publishPercentileHistogram().register(meters);
        this.toDelivery = Timer.builder("donut.replenishment.time.to.delivery")
                .description("from stock-out to stock back on the shelf")
                .publishPercentileHistogram().register(meters);
    }

    private static Counter sales(MeterRegistry meters, String outcome) {
        return Counter.builder("donut.sales")
                .description("purchases answered (POST /api/sales and /send), by outcome: sold, out_of_stock "
                        + "(a replenishment named), refused (unknown SKU, Idempotency-Key reused)")
                .tag("outcome", outcome).register(meters);
    }

    /**
     * Counts a purchase's outcome and times it: these two endpoints carry no HTTP server observation
     * (see {@code web.SalesObservations}), this is their timing.
     */
    public void sale(SaleResult result, long arrivedNanos) {
        toAnswer.record(System.nanoTime() - arrivedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (result instanceof SaleResult.Sold) {
            sold.increment();
            salesRate.recordSale();
        } else if (result instanceof SaleResult.OutOfStock) {
            outOfStock.increment();
        } else {
            otherSales.increment();
        }
    }

    void orderOutcome(OrderOutcome outcome) {
        String result = outcome.getClass().getSimpleName();
        Counter.builder("donut.factory.orders")
                .description("the stock worker's attempts to order from a factory, by result: Ordered, FactoryUnavailable "
                        + "(unreachable or its circuit open), FactoryRefused, Busy, NothingToDo")
                .tag("result", result).register(meters).increment();
        if (outcome instanceof OrderOutcome.Ordered ordered) {
            toOrder.record(since(ordered.replenishment().requestedAt()));
        }
    }

    /** Counts the rows a housekeeping run removed, by table. */
    void purged(Purged purged) {
        purged.removed().forEach((kind, rows) -> {
            if (rows > 0) {
                Counter.builder("donut.purged.rows")
                        .description("rows housekeeping removed, by table")
                        .tag("table", JdbcPurgeableTables.tableOf(kind)).register(meters).increment(rows);
            }
        });
    }

    public void delivered(Instant requestedAt) {
        toDelivery.record(since(requestedAt));
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
