package io.donutstates.factory;

/** The factory's answer to a production order. */
public sealed interface FactoryAnswer {

    /** The factory took the order; a delivery callback will follow. */
    record Accepted() implements FactoryAnswer { }

    /** The factory could not take the order now; the order should be tried again later. */
    record Refused(String reason) implements FactoryAnswer { }

    /** The factory is known to be down (its circuit is open): it was not called; wait before trying. */
    record Unavailable(String reason) implements FactoryAnswer { }
}
