package io.donutstates.replenishment;

import java.time.Instant;

/**
 * A replenishment as the API shows it. {@code waitingForFactorySince}: when its factory first failed
 * to take the order (refused, unreachable or its circuit open; {@code lastError} says which), absent
 * once ordered.
 */
public record ReplenishmentView(String id, String sku, String factoryId, int quantity, ReplenishmentStatus status,
                                Integer deliveredQuantity, int attempts, int reorders, String lastError,
                                Instant requestedAt, Instant orderedAt, Instant deliveredAt, Instant failedAt,
                                Instant waitingForFactorySince, java.util.List<String> notes) {

    public static ReplenishmentView of(Replenishment r) {
        return new ReplenishmentView(r.id().toString(), r.sku().value(), r.factoryId().value(), r.quantity().value(),
                r.status(), r.deliveredQuantity(), r.attempts(), r.reorders(), r.lastError(), r.requestedAt(),
                r.orderedAt(), r.deliveredAt(), r.failedAt(), r.waitingForFactorySince(), null);
    }

    /** The same view with what operators did to it (redrive, discard) and why. */
    public ReplenishmentView withNotes(java.util.List<String> notes) {
        return new ReplenishmentView(id, sku, factoryId, quantity, status, deliveredQuantity, attempts, reorders,
                lastError, requestedAt, orderedAt, deliveredAt, failedAt, waitingForFactorySince,
                java.util.List.copyOf(notes));
    }
}
