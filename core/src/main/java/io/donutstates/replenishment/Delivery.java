package io.donutstates.replenishment;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;

/** The factory's report that production is complete: which product, how many. */
public record Delivery(Sku sku, Quantity quantity) { }
