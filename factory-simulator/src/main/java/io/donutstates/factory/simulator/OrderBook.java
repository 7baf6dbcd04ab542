package io.donutstates.factory.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent accepted orders, bounded so that a long demo or load test cannot exhaust memory. */
final class OrderBook {

    static final int CAPACITY = 1_000;

    private final Deque<TrackedOrder> orders = new ArrayDeque<>();

    synchronized void add(TrackedOrder order) {
        orders.addFirst(order);
        if (orders.size() > CAPACITY) {
            orders.removeLast();
        }
    }

    /** Newest first. */
    List<OrderSnapshot> recent() {
        List<TrackedOrder> copy;
        synchronized (this) {
            copy = new ArrayList<>(orders);
        }
        return copy.stream().map(TrackedOrder::snapshot).toList();
    }
}
