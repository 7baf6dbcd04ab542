package io.donutstates.messaging;

import java.time.Duration;

/** Names and redrive settings of {@code stock_queue} and its {@code dead_letter_queue}. */
public record QueueSettings(String stockQueue, String deadLetterQueue, int maxReceiveCount,
                            Duration visibilityTimeout, boolean createQueues) {

    public QueueSettings {
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("queue max receive count must be 1..1000 (got " + maxReceiveCount + ")");
        }
        if (visibilityTimeout.isNegative() || visibilityTimeout.toSeconds() > 43_200) {
            throw new IllegalArgumentException("queue visibility timeout must be 0s..12h");
        }
    }

    public static QueueSettings defaults() {
        return new QueueSettings("stock_queue", "dead_letter_queue", 5, Duration.ofSeconds(30), true);
    }
}
