package io.donutstates.alerting;

/** The channels that reach the operations team. */
public interface Alerts {

    /** Raises an alert; must not block or fail the caller when a channel is down. */
    void raise(Alert alert);
}
