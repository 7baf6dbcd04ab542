package io.donutstates.factory.simulator;

/** Where an order's completion callback stands. */
public enum CallbackStatus {
    /** Production still running or the callback still being (re)tried. */
    PENDING,
    /** At least one callback was delivered with a 2xx answer. */
    SENT,
    /** Every callback attempt failed; the simulator gave up. */
    FAILED,
    /** The dropCallbacks fault was on: accepted but never called back. */
    DROPPED
}
