package io.donutstates.messaging;

import java.time.Duration;

/**
 * How long an event the topic did not take waits before it is tried again: {@code first} after the
 * first failed attempt, doubling with each further one, never more than {@code max}.
 */
public record RelayBackoff(Duration first, Duration max) {

    public static final RelayBackoff DEFAULTS = new RelayBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    public RelayBackoff {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first relay retry delay must be positive (got " + first + ")");
        }
        if (max == null || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the longest relay retry delay (" + max
                    + ") must not be shorter than the first (" + first + ")");
        }
    }

    /** The wait after the {@code failedAttempts}-th failed attempt in a row (1 for the first failure). */
    public Duration after(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = first;
        for (int i = 0; i < doublings && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
