package io.donutstates.ops;

import io.donutstates.messaging.SqsQueues;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health of {@code stock_queue} and {@code dead_letter_queue}: reachable, with their depths. */
@Component("queuesHealthIndicator")
class QueuesHealth implements HealthIndicator {

    private final SqsQueues queues;

    QueuesHealth(SqsQueues queues) {
        this.queues = queues;
    }

    @Override
    public Health health() {
        try {
            return Health.up()
                    .withDetail("stock_queue", queues.depth(queues.stockQueueUrl()))
                    .withDetail("dead_letter_queue", queues.depth(queues.deadLetterQueueUrl()))
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
