package io.donutstates.replenishment;

/**
 * Where a replenishment stands: requested, ordered from the factory, delivered, or failed. Which
 * status may follow which is the lifecycle's, {@link Transition}.
 */
public enum ReplenishmentStatus {
    REQUESTED, ORDERED, DELIVERED, FAILED;

    public boolean isOpen() {
        return this == REQUESTED || this == ORDERED;
    }

    /** Whether the lifecycle has a move from this status to the next. */
    public boolean canMoveTo(ReplenishmentStatus next) {
        return !Transition.between(this, next).isEmpty();
    }
}
