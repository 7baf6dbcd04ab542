package io.donutstates.ops;

import io.donutstates.messaging.SqsQueues;
import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.replenishment.Replenishments;
import io.donutstates.stock.Stock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The shop's vital signs read at most once a second, whoever asks (dashboards, metrics scrapes):
 * queue depths, replenishments open now by status and those that ended in the last 24 hours, the
 * oldest waiting request and stock per product.
 */
@Component
public class OpsSnapshot {

    /** One reading. */
    public record Reading(long stockQueueDepth, long deadLetterDepth, long oldestWaitingSeconds,
                          Map<ReplenishmentStatus, Long> replenishments, Map<String, Integer> stock, Instant at) { }

    /** Ended replenishments (delivered, failed) are counted over this window, never over the whole history. */
    static final Duration ENDED_WINDOW = Duration.ofHours(24);

    private final SqsQueues queues;
    private final Replenishments replenishments;
    private final Stock stock;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Set<String> stockGauges = ConcurrentHashMap.newKeySet();
    private volatile Reading last;

    OpsSnapshot(SqsQueues queues, Replenishments replenishments, Stock stock, Clock clock, MeterRegistry meters) {
        this.queues = queues;
        this.replenishments = replenishments;
        this.stock = stock;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("donut.queue.depth", this, s -> s.read().stockQueueDepth()).tag("queue", "stock_queue")
                .register(meters);
        Gauge.builder("donut.queue.depth", this, s -> s.read().deadLetterDepth()).tag("queue", "dead_letter_queue")
                .register(meters);
        Gauge.builder("donut.stock_queue.oldest.waiting", this, s -> s.read().oldestWaitingSeconds())
                .description("age in seconds of the oldest replenishment still waiting for its factory order")
                .baseUnit("seconds").register(meters);
        for (var status : ReplenishmentStatus.values()) {
            Gauge.builder("donut.replenishments", this, s -> s.read().replenishments().getOrDefault(status, 0L))
                    .description("replenishments open now (REQUESTED, ORDERED) or ended in the last 24 hours"
                            + " (DELIVERED, FAILED), by status")
                    .tag("status", status.name()).register(meters);
        }
    }

    public synchronized Reading read() {
        var now = clock.instant();
        if (last != null && Duration.between(last.at(), now).toMillis() < 1_000) {
            return last;
        }
        long oldest = replenishments.oldestWaitingSince().map(t -> Duration.between(t, now).toSeconds()).orElse(0L);
        Map<String, Integer> shelves = new java.util.TreeMap<>();
        stock.all().forEach(p -> shelves.put(p.sku().value(), p.stock()));
        last = new Reading(depth(queues.stockQueueUrl()), depth(queues.deadLetterQueueUrl()), oldest,
                replenishments.countByStatus(now.minus(ENDED_WINDOW)), shelves, now);
        shelves.keySet().stream().filter(stockGauges::add).forEach(sku ->
                Gauge.builder("donut.stock", this, s -> s.read().stock().getOrDefault(sku, 0)).tag("sku", sku)
                        .register(meters));
        return last;
    }

    private long depth(String queueUrl) {
        try {
            return queues.depth(queueUrl);
        } catch (RuntimeException unreachable) {
            return -1;
        }
    }
}
