package io.donutstates.replenishment;

import java.time.Instant;

/** A replenishment as the API shows it. */
public record ReplenishmentView(String id, String sku, String factoryId, int quantity, ReplenishmentStatus status,
                                Integer deliveredQuantity, int attempts, int reorders, String lastError,
                                Instant requestedAt, Instant orderedAt, Instant deliveredAt, Instant failedAt) {

    public static ReplenishmentView of(Replenishment r) {
        return new ReplenishmentView(r.id().toString(), r.sku().value(), r.factoryId().value(), r.quantity().value(),
                r.status(), r.deliveredQuantity(), r.attempts(), r.reorders(), r.lastError(), r.requestedAt(),
                r.orderedAt(), r.deliveredAt(), r.failedAt());
    }
}
