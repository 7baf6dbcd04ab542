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
        this.sold = meters.counter("donut.sales", "outcome", "sold");
        this.outOfStock = meters.counter("donut.sales", "outcome", "out_of_stock");
        this.otherSales = meters.counter("donut.sales", "outcome", "refused");
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
        meters.counter("donut.factory.orders", "result", result).increment();
        if (outcome instanceof OrderOutcome.Ordered ordered) {
            toOrder.record(since(ordered.replenishment().requestedAt()));
        }
    }

    /** Counts the rows a housekeeping run removed, by table. */
    void purged(Purged purged) {
        purged.removed().forEach((kind, rows) -> {
            if (rows > 0) {
                meters.counter("donut.purged.rows", "table", JdbcPurgeableTables.tableOf(kind)).increment(rows);
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
