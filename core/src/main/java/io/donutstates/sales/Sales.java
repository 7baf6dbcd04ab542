package io.donutstates.sales;

import java.time.Instant;

/** The record of completed sales. */
public interface Sales {

    /** Records a sale and returns its id. */
    long record(Purchase purchase, Instant at);

    /** Records several sales at once; returns their ids in the same order. */
    java.util.List<Long> recordAll(java.util.List<Purchase> purchases, Instant at);
}
