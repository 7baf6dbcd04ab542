package io.donutstates.loadgen;

/** How one request ended, from the crowd's point of view. */
public enum Outcome {
    SOLD, OUT_OF_STOCK, ERROR
}
