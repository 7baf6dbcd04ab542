package io.donutstates.replenishment;

import io.donutstates.backorder.BackorderViews.Served;
import io.donutstates.shared.PublicText;
import java.time.Instant;
import java.util.List;

/**
 * A replenishment as the API shows it. {@code waitingForFactorySince}: when its factory first failed
 * to take the order (refused, unreachable or its circuit open; {@code lastError} says which, without
 * addresses or Java package names: {@link PublicText}), absent once ordered. {@code fulfilledBackorders} and {@code fulfilledDonuts}: once delivered, how many
 * waiting backorders (and their donuts) the delivery served before the rest went to the shelf.
 */
public record ReplenishmentView(String id, String sku, String factoryId, int quantity, ReplenishmentStatus status,
                                Integer deliveredQuantity, Integer fulfilledBackorders, Integer fulfilledDonuts,
                                int attempts, int reorders, String lastError, Instant requestedAt, Instant orderedAt,
                                Instant deliveredAt, Instant failedAt, Instant waitingForFactorySince,
                                List<String> notes) {

    public static ReplenishmentView of(Replenishment r) {
        return new ReplenishmentView(r.id().toString(), r.sku().value(), r.factoryId().value(), r.quantity().value(),
                r.status(), r.deliveredQuantity(), null, null, r.attempts(), r.reorders(), PublicText.ofError(r.lastError()),
                r.requestedAt(), r.orderedAt(), r.deliveredAt(), r.failedAt(), r.waitingForFactorySince(), null);
    }

    /** The view with what its delivery served; only a delivered replenishment has served anyone. */
    public static ReplenishmentView of(Replenishment r, Served served) {
        var view = of(r);
        if (r.status() != ReplenishmentStatus.DELIVERED) {
            return view;
        }
        var share = served == null ? new Served(0, 0) : served;
        return new ReplenishmentView(view.id, view.sku, view.factoryId, view.quantity, view.status,
                view.deliveredQuantity, share.backorders(), share.donuts(), view.attempts, view.reorders,
                view.lastError, view.requestedAt, view.orderedAt, view.deliveredAt, view.failedAt,
                view.waitingForFactorySince, null);
    }

    /** The same view with what operators did to it (redrive, discard) and why. */
    public ReplenishmentView withNotes(List<String> notes) {
        return new ReplenishmentView(id, sku, factoryId, quantity, status, deliveredQuantity, fulfilledBackorders,
                fulfilledDonuts, attempts, reorders, lastError, requestedAt, orderedAt, deliveredAt, failedAt,
                waitingForFactorySince, List.copyOf(notes));
    }
}
