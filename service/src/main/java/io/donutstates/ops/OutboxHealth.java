package io.donutstates.ops;

import io.donutstates.messaging.OutboxBacklog;
import io.donutstates.messaging.WatchingTheOutbox;
import io.donutstates.shop.Shop;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of an outbox: DEGRADED (sales go on, the events wait) when its oldest event not yet taken
 * has waited longer than its watch's limit, or when the backlog has not been read for a while; with
 * the pending count, the oldest event's age and its last error. Read from the ops snapshot, so a
 * health check never queries the database itself. Two components: {@code outbox} (stock events,
 * {@code DONUT_OUTBOX_STUCK_AFTER}) and {@code notices} (buyers' backorder notices, 15 minutes).
 */
class OutboxHealth implements HealthIndicator {

    private static final Duration STALE = Duration.ofSeconds(15);

    private final OpsSnapshot snapshot;
    private final Supplier<OutboxBacklog<?>> backlogs;
    private final WatchingTheOutbox watching;
    private final String events;
    private final Clock clock;

    OutboxHealth(OpsSnapshot snapshot, Supplier<OutboxBacklog<?>> backlogs, WatchingTheOutbox watching,
                 String events, Clock clock) {
        this.snapshot = snapshot;
        this.backlogs = backlogs;
        this.watching = watching;
        this.events = events;
        this.clock = clock;
    }

    /** The two outboxes' components, named by their bean names. */
    @Configuration(proxyBeanMethods = false)
    static class Components {

        @Bean
        HealthIndicator outboxHealthIndicator(OpsSnapshot snapshot, WatchingTheOutbox watching, Clock clock) {
            return new OutboxHealth(snapshot, snapshot::outbox, watching, "stock event", clock);
        }

        @Bean
        HealthIndicator noticesHealthIndicator(OpsSnapshot snapshot, Shop.Backorders backorders, Clock clock) {
            return new OutboxHealth(snapshot, snapshot::notices, backorders.watchingNotices(), "backorder notice",
                    clock);
        }
    }

    @Override
    public Health health() {
        var backlog = backlogs.get();
        var readAt = snapshot.read().at();
        var now = clock.instant();
        var readingAge = Duration.between(readAt, now);
        Health.Builder health;
        if (readingAge.compareTo(STALE) > 0) {
            health = Health.status(Degraded.STATUS).withDetail("error", "no reading of the backlog for "
                    + readingAge.toSeconds() + " s");
        } else if (watching.isStuck(backlog, now)) {
            health = Health.status(Degraded.STATUS).withDetail("error", "the oldest " + events
                    + " not yet taken has waited longer than " + watching.limit().toSeconds() + " s");
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
