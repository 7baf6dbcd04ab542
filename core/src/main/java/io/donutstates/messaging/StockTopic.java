package io.donutstates.messaging;

import io.donutstates.replenishment.StockRanOut;

/** The topic that carries stock events to their subscribed queues ({@code stock_queue}). */
public interface StockTopic {

    /** Publishes the event; throws when the broker did not take it. */
    void publish(StockRanOut event);
}
