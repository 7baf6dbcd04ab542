package io.donutstates.replenishment;

/** What became of one attempt to order a replenishment from the factory. */
public sealed interface OrderOutcome {

    /** The factory accepted; the queue message is done. */
    record Ordered(Replenishment replenishment) implements OrderOutcome { }

    /** Already ordered, delivered or failed, or unknown: nothing to do, the message is done. */
    record NothingToDo(String why) implements OrderOutcome { }

    /**
     * Another worker holds the order (it may have died holding it); try again once its lease can
     * have run out, without spending the message's receives.
     */
    record Busy(java.time.Duration retryAfter) implements OrderOutcome { }

    /** The factory is known to be down and was not called; the queue should hold the order a while. */
    record FactoryUnavailable(Replenishment replenishment, String reason, java.time.Duration retryAfter)
            implements OrderOutcome { }

    /** The factory refused or could not be reached; the message must come back. */
    record FactoryRefused(Replenishment replenishment, String reason) implements OrderOutcome { }
}
