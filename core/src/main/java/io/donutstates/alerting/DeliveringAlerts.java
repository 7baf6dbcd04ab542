package io.donutstates.alerting;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Use case: hand raised alerts to their channels. A channel that is down is retried with growing
 * delays and never holds up sales or the stock worker, which only record the alert.
 */
public class DeliveringAlerts {

    private static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final AlertDeliveries deliveries;
    private final Map<String, AlertChannel> channels;
    private final Transactions transactions;
    private final Clock clock;
    private final DeliveryListener listener;

    /** Told of each delivery attempt, e.g. to count them. */
    public interface DeliveryListener {
        void delivered(String channel, boolean ok);
    }

    public DeliveringAlerts(AlertDeliveries deliveries, Iterable<AlertChannel> channels, Transactions transactions,
                            Clock clock, DeliveryListener listener) {
        this.deliveries = deliveries;
        this.channels = java.util.stream.StreamSupport.stream(channels.spliterator(), false)
                .collect(Collectors.toMap(AlertChannel::name, Function.identity()));
        this.transactions = transactions;
        this.clock = clock;
        this.listener = listener;
    }

    /** Delivers what is due; returns how many deliveries succeeded. */
    public int deliverDue() {
        return transactions.inTransaction(() -> {
            int sent = 0;
            for (var pending : deliveries.lockDue(clock.instant(), 20)) {
                var channel = channels.get(pending.channel());
                if (channel == null) {
                    continue;
                }
                try {
                    channel.deliver(pending.alert());
                    deliveries.markSent(pending.alertId(), pending.channel(), clock.instant());
                    listener.delivered(pending.channel(), true);
                    sent++;
                } catch (RuntimeException e) {
                    deliveries.markFailed(pending.alertId(), pending.channel(), String.valueOf(e.getMessage()),
                            clock.instant().plus(backoff(pending.attempts())));
                    listener.delivered(pending.channel(), false);
                }
            }
            return sent;
        });
    }

    static Duration backoff(int attemptsSoFar) {
        Duration delay = Duration.ofSeconds(1L << Math.min(10, attemptsSoFar));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
