package io.donutstates.messaging;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.Alerts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: notice an outbox that does not empty. When the oldest unpublished event has waited
 * longer than {@code limit}, one {@link Alert.Kind#OUTBOX_STUCK} alert is raised, naming its last
 * error; the incident stays open, without further alerts, until nothing has waited that long.
 * Instances that notice the same stuck event raise the same incident, which alerts once.
 */
public class WatchingTheOutbox {

    /** Pending events are counted up to this many, so reading the backlog costs the same however large it is. */
    public static final int COUNT_UP_TO = 10_000;

    private final Outbox<?> outbox;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration limit;
    private volatile boolean incidentOpen;

    public WatchingTheOutbox(Outbox<?> outbox, Alerts alerts, Clock clock, Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the outbox publish limit must be positive (got " + limit + ")");
        }
        this.outbox = outbox;
        this.alerts = alerts;
        this.clock = clock;
        this.limit = limit;
    }

    /** Reads the backlog and raises the alert when it is stuck; returns the backlog read. */
    public OutboxBacklog<?> look() {
        OutboxBacklog<?> backlog = outbox.backlog(COUNT_UP_TO);
        Instant now = clock.instant();
        if (!isStuck(backlog, now)) {
            incidentOpen = false;
            return backlog;
        }
        if (!incidentOpen) {
            alerts.raise(stuck(backlog, now));
            incidentOpen = true;
        }
        return backlog;
    }

    /** Whether the oldest unpublished event has waited longer than the limit. */
    public boolean isStuck(OutboxBacklog<?> backlog, Instant now) {
        return backlog.oldestAge(now).compareTo(limit) > 0;
    }

    public Duration limit() {
        return limit;
    }

    private Alert stuck(OutboxBacklog<?> backlog, Instant now) {
        OutboxEvent oldest = backlog.oldest().orElseThrow();
        String reason = oldest.describe() + " not published for "
                + backlog.oldestAge(now).toSeconds() + " s (" + backlog.oldestAttempts() + " attempt(s); limit "
                + limit.toSeconds() + " s); " + backlog.pendingText() + " event(s) wait in the outbox";
        return oldest.alert(Alert.Kind.OUTBOX_STUCK, reason, backlog.lastError(), now);
    }
}
