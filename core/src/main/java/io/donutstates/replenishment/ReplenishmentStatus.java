package io.donutstates.replenishment;

/** Where a replenishment stands: requested, ordered from the factory, delivered, or failed. */
public enum ReplenishmentStatus {
    REQUESTED, ORDERED, DELIVERED, FAILED;

    public boolean isOpen() {
        return this == REQUESTED || this == ORDERED;
    }
}
