package io.donutstates.backorder;

import io.donutstates.stock.Sku;
import java.time.Instant;

/** What a product's waiting backorders add up to: how many, how many donuts, since when the oldest waits. */
public record WaitingDemand(Sku sku, int backorders, int donuts, Instant oldestSince) {

    public static WaitingDemand none(Sku sku) {
        return new WaitingDemand(sku, 0, 0, null);
    }
}
