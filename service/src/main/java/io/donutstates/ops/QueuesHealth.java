package io.donutstates.ops;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of {@code stock_queue} and {@code dead_letter_queue}: reachable, with their depths, as the
 * ops snapshot last read them in the background (at most a few seconds old), so a health check
 * never waits for the queue server. Unreachable, or a reading that stopped coming, is DEGRADED:
 * sales go on (the outbox keeps the events), readiness still answers 200, ops see why.
 */
@Component("queuesHealthIndicator")
class QueuesHealth implements HealthIndicator {

    private static final Duration STALE = Duration.ofSeconds(15);

    private final OpsSnapshot snapshot;
    private final Clock clock;

    QueuesHealth(OpsSnapshot snapshot, Clock clock) {
        this.snapshot = snapshot;
        this.clock = clock;
    }

    @Override
    public Health health() {
        var reading = snapshot.read();
        var age = Duration.between(reading.at(), clock.instant());
        if (reading.queueError() != null) {
            return Health.status(Degraded.STATUS).withDetail("error", reading.queueError()).withDetail("readAt", reading.at()).build();
        }
        if (age.compareTo(STALE) > 0) {
            return Health.status(Degraded.STATUS).withDetail("error", "no reading of the queues for " + age.toSeconds() + " s")
                    .withDetail("readAt", reading.at()).build();
        }
        return Health.up()
                .withDetail("stock_queue", reading.stockQueueDepth())
                .withDetail("dead_letter_queue", reading.deadLetterDepth())
                .withDetail("readAt", reading.at())
                .build();
    }
}
