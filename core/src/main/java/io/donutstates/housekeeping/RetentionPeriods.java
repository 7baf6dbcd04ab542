package io.donutstates.housekeeping;

import java.time.Duration;

/**
 * How long each kind of history is kept before housekeeping removes it.
 *
 * <p>Idempotency receipts are kept at least a day: a client that retries a purchase within a day
 * must get the first answer, not a second sale. Delivered alerts are kept at least two hours: an
 * alert without a replenishment (a factory outage) is one incident per factory and clock hour, so a
 * younger alert removed too soon would let an instance that sees the same outage raise it again.
 */
public record RetentionPeriods(Duration publishedEvents, Duration idempotencyKeys, Duration deliveredAlerts) {

    public static final Duration SHORTEST_IDEMPOTENCY = Duration.ofHours(24);
    public static final Duration SHORTEST_ALERTS = Duration.ofHours(2);

    /** The defaults of every runtime: events and receipts a day, delivered alerts thirty days. */
    public static final RetentionPeriods DEFAULTS =
            new RetentionPeriods(Duration.ofHours(24), Duration.ofHours(24), Duration.ofDays(30));

    public RetentionPeriods {
        if (publishedEvents == null || publishedEvents.isNegative() || publishedEvents.isZero()) {
            throw new IllegalArgumentException("published outbox events must be kept for a positive time (got "
                    + publishedEvents + ")");
        }
        if (idempotencyKeys == null || idempotencyKeys.compareTo(SHORTEST_IDEMPOTENCY) < 0) {
            throw new IllegalArgumentException("idempotency keys must be kept at least 24h, so a purchase retried "
                    + "within a day gets its first answer (got " + idempotencyKeys + ")");
        }
        if (deliveredAlerts == null || deliveredAlerts.compareTo(SHORTEST_ALERTS) < 0) {
            throw new IllegalArgumentException("delivered alerts must be kept at least 2h, so an incident is not "
                    + "raised twice (got " + deliveredAlerts + ")");
        }
    }

    /** How long {@code kind} is kept. */
    public Duration of(History kind) {
        return switch (kind) {
            case PUBLISHED_EVENTS, ENDED_NOTICES -> publishedEvents;
            case EXPIRED_RECEIPTS -> idempotencyKeys;
            case DELIVERED_ALERTS -> deliveredAlerts;
        };
    }
}
