package io.donutstates.messaging;

/** The topic that carries stock events to their subscribed queues ({@code stock_queue}). */
public interface StockTopic<E extends OutboxEvent> {

    /** Publishes the event; throws when the broker did not take it. */
    void publish(E event);
}
