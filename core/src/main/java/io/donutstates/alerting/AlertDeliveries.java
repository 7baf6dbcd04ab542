package io.donutstates.alerting;

import java.time.Instant;
import java.util.List;

/** Alert deliveries waiting for their channel, kept until the channel took them. */
public interface AlertDeliveries {

    /** Locks deliveries that are due and that no other dispatcher holds. */
    List<Pending> lockDue(Instant now, int limit);

    void markSent(long alertId, String channel, Instant at);

    void markFailed(long alertId, String channel, String error, Instant nextAttempt);

    /** A delivery of one alert to one channel. */
    record Pending(long alertId, String channel, int attempts, Alert alert) { }
}
