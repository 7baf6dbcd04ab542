package io.donutstates.messaging;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.tracing.ShopTracing;
import io.opentelemetry.api.trace.SpanKind;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The relay's publication as a span of the trace the event was written in (the sale that ran out of
 * stock), however much later and on whichever instance the relay runs: its context is stored with
 * the event, and the topic puts the span's {@code traceparent} among the message's attributes.
 */
public final class TracedStockTopic implements StockTopic<StockEvent> {

    private final Supplier<StockTopic<StockEvent>> topic;
    private final Function<UUID, String> storedTraceparents;
    private final ShopTracing tracing;

    /** @param storedTraceparents the {@code traceparent} stored with an event, or null ({@link JdbcOutbox#traceparentOf}) */
    public TracedStockTopic(Supplier<StockTopic<StockEvent>> topic, Function<UUID, String> storedTraceparents,
                            ShopTracing tracing) {
        this.topic = topic;
        this.storedTraceparents = storedTraceparents;
        this.tracing = tracing;
    }

    /** The topic the events are published to. */
    public StockTopic<StockEvent> untraced() {
        return topic.get();
    }

    @Override
    public void publish(StockEvent event) {
        tracing.inSpan("stock_topic publish", SpanKind.PRODUCER, storedTraceparents.apply(event.eventId()), span -> {
            span.setAttribute("messaging.operation.type", "send");
            span.setAttribute("donut.replenishment", event.replenishmentId().toString());
            span.setAttribute("donut.sku", event.sku().value());
            topic.get().publish(event);
            return null;
        });
    }
}
