package io.donutstates.factory.simulator;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** An accepted order and the progress of its callback, updated from callback threads. */
final class TrackedOrder {

    private final String orderId = UUID.randomUUID().toString();
    private final ProductionRequest request;
    private final Instant receivedAt;
    private final AtomicInteger callbacksSent = new AtomicInteger();
    private final AtomicReference<CallbackStatus> status = new AtomicReference<>(CallbackStatus.PENDING);

    TrackedOrder(ProductionRequest request, Instant receivedAt) {
        this.request = request;
        this.receivedAt = receivedAt;
    }

    String orderId() {
        return orderId;
    }

    ProductionRequest request() {
        return request;
    }

    void delivered() {
        callbacksSent.incrementAndGet();
        status.set(CallbackStatus.SENT);
    }

    /** With duplicate callbacks one copy may fail after the other got through: the order still counts as SENT. */
    void gaveUp() {
        status.compareAndSet(CallbackStatus.PENDING, CallbackStatus.FAILED);
    }

    void dropped() {
        status.set(CallbackStatus.DROPPED);
    }

    OrderSnapshot snapshot() {
        return new OrderSnapshot(orderId, request.productId(), request.factoryId(), request.count(),
                request.callbackUrl().toString(), receivedAt, callbacksSent.get(), status.get());
    }
}
