package io.donutstates.sales;

import java.time.Instant;

/** The record of completed sales. */
public interface Sales {

    /** Records a sale and returns its id. */
    long record(Purchase purchase, Instant at);
}
