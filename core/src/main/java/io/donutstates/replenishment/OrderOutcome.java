package io.donutstates.replenishment;

import java.time.Instant;

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

    /**
     * The factory did not take the order. The order is tried again with growing delays until the
     * factory has failed it for the give-up bound, counted from {@link #waitingSince()}.
     */
    sealed interface FactoryFailed extends OrderOutcome permits FactoryUnavailable, FactoryRefused {

        Replenishment replenishment();

        String reason();

        /** When the factory first failed this replenishment since it was last ordered or redriven. */
        Instant waitingSince();
    }

    /** The factory is known to be down (its circuit is open) and was not called. */
    record FactoryUnavailable(Replenishment replenishment, String reason, Instant waitingSince)
            implements FactoryFailed { }

    /** The factory refused or could not be reached. */
    record FactoryRefused(Replenishment replenishment, String reason, Instant waitingSince)
            implements FactoryFailed { }
}
