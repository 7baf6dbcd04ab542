package io.donutstates.factory.simulator;

import java.time.Instant;

/** What the simulator knows about one accepted order at one moment. */
public record OrderSnapshot(String orderId, String productId, String factoryId, int count, String callbackUrl,
                            Instant receivedAt, int callbacksSent, CallbackStatus callbackStatus) {
}
