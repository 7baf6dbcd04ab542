package io.donutstates.backorder;

import io.donutstates.replenishment.ReplenishmentId;

/** A waiting backorder served by a delivery: the sale it became and the replenishment it came from. */
public record Fulfilment(BackorderId id, long saleId, ReplenishmentId delivery) { }
