package io.donutstates.backorder;

import io.donutstates.shared.DurationText;
import io.donutstates.stock.Quantity;
import java.time.Duration;

/**
 * A product's backorder rules: how long a backorder waits before it expires, and the most one
 * replenishment may order however large the waiting demand ({@code maxOrderQuantity}).
 */
public record BackorderPolicy(Duration expireAfter, int maxOrderQuantity) {

    public static final Duration SHORTEST_WAIT = Duration.ofMinutes(1);
    public static final Duration LONGEST_WAIT = Duration.ofDays(30);

    public BackorderPolicy {
        if (expireAfter == null) {
            throw new IllegalArgumentException("a backorder's wait (expireAfterMinutes) is required");
        }
        if (expireAfter.compareTo(SHORTEST_WAIT) < 0 || expireAfter.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException("expireAfterMinutes must be between " + SHORTEST_WAIT.toMinutes() + " and "
                    + LONGEST_WAIT.toMinutes() + " (30 days) (got " + (expireAfter.isNegative() ? "-" : "")
                    + DurationText.of(expireAfter.abs()) + ")");
        }
        if (maxOrderQuantity < 1 || maxOrderQuantity > Quantity.MAX) {
            throw new IllegalArgumentException("maxOrderQuantity must be between 1 and " + Quantity.MAX
                    + " (got " + maxOrderQuantity + ")");
        }
    }

    /** A product without rules of its own: backorders wait {@code expireAfter}; orders are not capped. */
    public static BackorderPolicy standard(Duration expireAfter) {
        return new BackorderPolicy(expireAfter, Quantity.MAX);
    }
}
