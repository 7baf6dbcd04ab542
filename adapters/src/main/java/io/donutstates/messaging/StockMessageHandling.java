package io.donutstates.messaging;

import io.donutstates.alerting.Alert;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.OrderOutcome;
import io.donutstates.replenishment.OrderingFromFactory;
import io.donutstates.replenishment.StockEvent;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.shared.DurationText;
import io.donutstates.tracing.ShopTracing;
import io.github.resilience4j.core.IntervalFunction;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the stock worker does with one {@code stock_queue} message, whoever received it (the
 * service's poller or the Lambda handler): order the replenishment, then say whether the message is
 * done, must come back later, or goes to {@code dead_letter_queue}.
 *
 * <p>A factory that does not take the order (refuses, cannot be reached, or its circuit is open) has
 * one path, whatever its circuit's state: the order is tried again after a growing, jittered delay
 * (a fresh copy of the message, so the queue's receive count is not spent by an outage), until the
 * factory has failed this replenishment for {@link Retries#giveUpAfter()}; then the replenishment is
 * FAILED, ops get a {@code DEAD_LETTERED} alert, and the message moves to {@code dead_letter_queue}
 * for a redrive once the factory works again. The receive count and the queue's redrive policy
 * remain for messages that cannot be handled at all (unreadable, or the database down).
 */
public class StockMessageHandling {

    private static final Logger log = LoggerFactory.getLogger(StockMessageHandling.class);

    /** What to do with the message. */
    public sealed interface Verdict {
        /** Delete it: the work is done or there is none. */
        record Done() implements Verdict { }

        /** Leave it: it becomes visible again after the delay, one receive more towards the redrive policy. */
        record RetryIn(Duration delay) implements Verdict { }

        /** Send a fresh copy that becomes visible after the delay, and delete this one. */
        record Defer(Duration delay) implements Verdict { }

        /** Move it to {@code dead_letter_queue} now: its replenishment is FAILED. */
        record DeadLetter(String reason) implements Verdict { }
    }

    /**
     * How messages come back: {@code maxReceiveCount} receives of a message that cannot be handled
     * before the redrive policy takes it; delays growing from {@code firstRetryDelay} to
     * {@code maxRetryDelay}; a factory that fails a replenishment for {@code giveUpAfter} fails it.
     */
    public record Retries(int maxReceiveCount, Duration firstRetryDelay, Duration maxRetryDelay, Duration giveUpAfter) {
        public Retries {
            if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
                throw new IllegalArgumentException("the factory give-up bound must be positive");
            }
        }
    }

    private final OrderingFromFactory ordering;
    private final GivingUpReplenishment givingUp;
    private final Retries retries;
    private final IntervalFunction backoff;
    private final Clock clock;
    private final Consumer<OrderOutcome> observer;
    private final ShopTracing tracing;

    /** @param observer told of every order outcome, e.g. to count and time them */
    public StockMessageHandling(OrderingFromFactory ordering, GivingUpReplenishment givingUp, Retries retries,
                                Clock clock, Consumer<OrderOutcome> observer) {
        this(ordering, givingUp, retries, clock, observer, ShopTracing.off());
    }

    /** @param tracing makes the span of each message's handling, a child of the relay's */
    public StockMessageHandling(OrderingFromFactory ordering, GivingUpReplenishment givingUp, Retries retries,
                                Clock clock, Consumer<OrderOutcome> observer, ShopTracing tracing) {
        this.tracing = tracing;
        this.ordering = ordering;
        this.givingUp = givingUp;
        this.retries = retries;
        this.clock = clock;
        this.observer = observer;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(Math.max(1, retries.firstRetryDelay().toMillis()),
                2.0, 0.5, Math.max(1, retries.maxRetryDelay().toMillis()));
    }

    public Verdict handle(String body, int receiveCount) {
        return handle(body, receiveCount, null);
    }

    /**
     * Handles the message in a span of the trace its {@code traceparent} attribute names (the relay's
     * publication), or of a new trace when it has none.
     */
    public Verdict handle(String body, int receiveCount, String traceparent) {
        return tracing.inSpan("stock_queue process", SpanKind.CONSUMER, traceparent, span -> {
            span.setAttribute("messaging.operation.type", "process");
            span.setAttribute("donut.receive_count", receiveCount);
            Verdict verdict = handleInSpan(body, receiveCount);
            span.setAttribute("donut.verdict", verdict.getClass().getSimpleName());
            return verdict;
        });
    }

    private Verdict handleInSpan(String body, int receiveCount) {
        StockEvent decoded;
        try {
            decoded = StockEventJson.decode(body);
        } catch (IllegalArgumentException unreadable) {
            log.error("stock_queue message is unreadable ({}); it stays for the dead-letter queue", unreadable.getMessage());
            return new Verdict.RetryIn(delayAfter(receiveCount));
        }
        if (!(decoded instanceof StockRanOut event)) {
            // Another subscriber's event (a backorder's fulfilment) reached stock_queue: nothing to order.
            log.debug("stock_queue message {} is not the stock worker's; done", decoded.describe());
            return new Verdict.Done();
        }
        MDC.put("replenishment", event.replenishmentId().toString());
        MDC.put("sku", event.sku().value());
        try {
            return handle(event);
        } finally {
            MDC.remove("replenishment");
            MDC.remove("sku");
        }
    }

    private Verdict handle(StockRanOut event) {
        OrderOutcome outcome = ordering.order(event.replenishmentId());
        observer.accept(outcome);
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
        return factoryFailed(event, (OrderOutcome.FactoryFailed) outcome);
    }

    private Verdict factoryFailed(StockRanOut event, OrderOutcome.FactoryFailed failed) {
        Duration waited = Duration.between(failed.waitingSince(), clock.instant());
        if (waited.compareTo(retries.giveUpAfter()) >= 0) {
            String reason = "factory " + event.factoryId() + " has not taken the order for " + DurationText.of(waited)
                    + " (" + failed.replenishment().attempts() + " attempts); message moved to dead_letter_queue";
            givingUp.giveUp(event.replenishmentId(), Alert.Kind.DEAD_LETTERED, reason, failed.reason());
            log.error("replenishment {} of {} failed: {}; last error: {}", event.replenishmentId(), event.sku(),
                    reason, failed.reason());
            return new Verdict.DeadLetter(reason);
        }
        Duration delay = delayAfter(failed.replenishment().attempts());
        log.warn("factory {} did not take replenishment {} of {} (failing it for {}, trying again in {}, "
                        + "giving up after {}): {}", event.factoryId(), event.replenishmentId(), event.sku(),
                DurationText.of(waited), DurationText.of(delay), DurationText.of(retries.giveUpAfter()), failed.reason());
        return new Verdict.Defer(delay);
    }

    private Duration delayAfter(int attempts) {
        return Duration.ofMillis(backoff.apply(Math.max(1, attempts)));
    }
}
