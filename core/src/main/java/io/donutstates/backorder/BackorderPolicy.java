package io.donutstates.backorder;

import io.donutstates.stock.Quantity;
import java.time.Duration;

/**
 * A product's backorder rules: how long a backorder waits before it expires, and the most one
 * replenishment may order however large the waiting demand ({@code maxOrderQuantity}).
 */
public record BackorderPolicy(Duration expireAfter, int maxOrderQuantity) {

    public static final Duration LONGEST_WAIT = Duration.ofDays(30);

    public BackorderPolicy {
        if (expireAfter == null || expireAfter.compareTo(Duration.ofMinutes(1)) < 0
                || expireAfter.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException("expireAfter must be between 1 minute and 30 days (got " + expireAfter + ")");
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
