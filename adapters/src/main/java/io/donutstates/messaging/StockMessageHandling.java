package io.donutstates.messaging;

import io.donutstates.alerting.Alert;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.OrderOutcome;
import io.donutstates.replenishment.OrderingFromFactory;
import io.donutstates.replenishment.StockRanOut;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the stock worker does with one {@code stock_queue} message, whoever received it (the
 * service's poller or the Lambda handler): order the replenishment, then say whether the message is
 * done or must come back after a growing, jittered delay. On its last allowed receive a refused
 * order fails the replenishment and the message moves on to {@code dead_letter_queue}.
 */
public class StockMessageHandling {

    private static final Logger log = LoggerFactory.getLogger(StockMessageHandling.class);

    /** What to do with the message. */
    public sealed interface Verdict {
        /** Delete it: the work is done or there is none. */
        record Done() implements Verdict { }

        /** Leave it: it becomes visible again after the delay. */
        record RetryIn(Duration delay) implements Verdict { }

        /**
         * Park it: the factory is known to be down, so send it again with this delay and delete this
         * copy; its receive count starts afresh and an outage does not push work into the dead-letter queue.
         */
        record Defer(Duration delay) implements Verdict { }
    }

    private final OrderingFromFactory ordering;
    private final GivingUpReplenishment givingUp;
    private final int maxReceiveCount;
    private final IntervalFunction backoff;
    private final Consumer<OrderOutcome> observer;

    public StockMessageHandling(OrderingFromFactory ordering, GivingUpReplenishment givingUp,
                                int maxReceiveCount, Duration firstRetryDelay, Duration maxRetryDelay) {
        this(ordering, givingUp, maxReceiveCount, firstRetryDelay, maxRetryDelay, outcome -> { });
    }

    /** @param observer told of every order outcome, e.g. to count and time them */
    public StockMessageHandling(OrderingFromFactory ordering, GivingUpReplenishment givingUp,
                                int maxReceiveCount, Duration firstRetryDelay, Duration maxRetryDelay,
                                Consumer<OrderOutcome> observer) {
        this.observer = observer;
        this.ordering = ordering;
        this.givingUp = givingUp;
        this.maxReceiveCount = maxReceiveCount;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(
                Math.max(1, firstRetryDelay.toMillis()), 2.0, 0.5, Math.max(1, maxRetryDelay.toMillis()));
    }

    public Verdict handle(String body, int receiveCount) {
        StockRanOut event;
        try {
            event = StockEventJson.decode(body);
        } catch (IllegalArgumentException unreadable) {
            log.error("stock_queue message is unreadable ({}); it stays for the dead-letter queue", unreadable.getMessage());
            return retryAfter(receiveCount);
        }
        MDC.put("replenishment", event.replenishmentId().toString());
        MDC.put("sku", event.sku().value());
        try {
            return handle(event, receiveCount);
        } finally {
            MDC.remove("replenishment");
            MDC.remove("sku");
        }
    }

    private Verdict handle(StockRanOut event, int receiveCount) {
        OrderOutcome outcome = ordering.order(event.replenishmentId());
        observer.accept(outcome);
        if (outcome instanceof OrderOutcome.FactoryUnavailable unavailable) {
            log.warn("factory {} unavailable, replenishment {} waits in the queue: {}", event.factoryId(),
                    event.replenishmentId(), unavailable.reason());
            return new Verdict.Defer(unavailable.retryAfter());
        }
        if (outcome instanceof OrderOutcome.Ordered) {
            log.info("replenishment {} of {} x{} ordered from factory {}", event.replenishmentId(), event.sku(),
                    event.quantity().value(), event.factoryId());
            return new Verdict.Done();
        }
        if (outcome instanceof OrderOutcome.NothingToDo nothing) {
            log.debug("stock event {} needs no order: {}", event.eventId(), nothing.why());
            return new Verdict.Done();
        }
        if (outcome instanceof OrderOutcome.Busy busy) {
            // Parked rather than retried: a lease left by a dead worker must not use up the receives
            // and send a replenishment no factory refused to the dead-letter queue.
            return new Verdict.Defer(busy.retryAfter());
        }
        var refused = (OrderOutcome.FactoryRefused) outcome;
        if (receiveCount >= maxReceiveCount) {
            String reason = "factory " + event.factoryId() + " refused " + receiveCount
                    + " times; message moved to dead_letter_queue";
            givingUp.giveUp(event.replenishmentId(), Alert.Kind.DEAD_LETTERED, reason, refused.reason());
            log.error("replenishment {} of {} dead-lettered after {} receives: {}", event.replenishmentId(),
                    event.sku(), receiveCount, refused.reason());
            return new Verdict.RetryIn(Duration.ZERO);
        }
        log.warn("factory {} refused replenishment {} of {} (receive {} of {}): {}", event.factoryId(),
                event.replenishmentId(), event.sku(), receiveCount, maxReceiveCount, refused.reason());
        return retryAfter(receiveCount);
    }

    private Verdict retryAfter(int receiveCount) {
        return new Verdict.RetryIn(Duration.ofMillis(backoff.apply(Math.max(1, receiveCount))));
    }
}
