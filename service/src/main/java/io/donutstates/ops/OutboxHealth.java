package io.donutstates.ops;

import io.donutstates.messaging.WatchingTheOutbox;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the outbox ({@code outbox}): DEGRADED (sales go on, the events wait) when the oldest stock event not yet published has
 * waited longer than {@code DONUT_OUTBOX_STUCK_AFTER}, or when the backlog has not been read for a
 * while; with the pending count, the oldest event's age and its last error. Read from the ops
 * snapshot, so a health check never queries the database itself.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

    private static final Duration STALE = Duration.ofSeconds(15);

    private final OpsSnapshot snapshot;
    private final WatchingTheOutbox watching;
    private final Clock clock;

    OutboxHealth(OpsSnapshot snapshot, WatchingTheOutbox watching, Clock clock) {
        this.snapshot = snapshot;
        this.watching = watching;
        this.clock = clock;
    }

    @Override
    public Health health() {
        var backlog = snapshot.outbox();
        var readAt = snapshot.read().at();
        var now = clock.instant();
        var readingAge = Duration.between(readAt, now);
        Health.Builder health;
        if (readingAge.compareTo(STALE) > 0) {
            health = Health.status(Degraded.STATUS).withDetail("error", "no reading of the outbox for " + readingAge.toSeconds() + " s");
        } else if (watching.isStuck(backlog, now)) {
            health = Health.status(Degraded.STATUS).withDetail("error", "the oldest unpublished stock event has waited longer than "
                    + watching.limit().toSeconds() + " s");
        } else {
            health = Health.up();
        }
        health.withDetail("pending", backlog.pendingText())
                .withDetail("oldestAgeSeconds", backlog.oldestAge(now).toSeconds())
                .withDetail("stuckAfterSeconds", watching.limit().toSeconds())
                .withDetail("readAt", readAt);
        backlog.oldestSince().ifPresent(since -> health.withDetail("oldestSince", since));
        if (backlog.lastError() != null) {
            health.withDetail("lastError", backlog.lastError());
        }
        return health.build();
    }
}
