package io.donutstates.replenishment;

import io.donutstates.factory.OrderReference;
import java.util.UUID;

/** Identifies one request to refill a product's shelf, from stock-out to delivery. */
public record ReplenishmentId(UUID value) {

    public ReplenishmentId {
        if (value == null) {
            throw new IllegalArgumentException("replenishment id is required");
        }
    }

    public static ReplenishmentId random() {
        return new ReplenishmentId(UUID.randomUUID());
    }

    public static ReplenishmentId parse(String text) {
        try {
            if (text == null || text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return new ReplenishmentId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("replenishment id must be a UUID");
        }
    }

    /** The reference a production order for this replenishment carries. */
    public OrderReference orderReference() {
        return new OrderReference(value.toString());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
