package io.donutstates.alerting;

/** One way of reaching the operations team: a webhook, email, ... */
public interface AlertChannel {

    /** A short stable name, e.g. {@code webhook}, kept with each delivery. */
    String name();

    /** Delivers the alert; throws when the channel did not take it, so the delivery is tried again later. */
    void deliver(Alert alert);
}
