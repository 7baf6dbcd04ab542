package io.donutstates.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.alerting.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchingTheOutboxTest {

    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final io.donutstates.shared.TestClock clock = new io.donutstates.shared.TestClock(START);
    private final List<Alert> alerts = new ArrayList<>();
    private final WatchingTheOutbox watching = new WatchingTheOutbox(outbox, alerts::add, clock, Duration.ofSeconds(60));

    @Test
    void an_event_unpublished_past_the_limit_raises_one_alert_with_its_last_error() {
        outbox.append(InMemoryOutbox.event("CP-1", START));
        outbox.markAttemptFailed(1, "SnsException: topic is gone", START.plusSeconds(30));

        clock.advance(Duration.ofSeconds(60));
        watching.look();
        assertThat(alerts).as("at the limit, not past it").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        OutboxBacklog backlog = watching.look();
        watching.look();
        clock.advance(Duration.ofMinutes(90));
        watching.look();

        assertThat(backlog.pending()).isEqualTo(1);
        assertThat(backlog.oldestAge(clock.instant().minus(Duration.ofMinutes(90)))).isEqualTo(Duration.ofSeconds(61));
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.kind()).isEqualTo(Alert.Kind.OUTBOX_STUCK);
        assertThat(alert.sku()).isEqualTo("CP-1");
        assertThat(alert.lastError()).isEqualTo("SnsException: topic is gone");
        assertThat(alert.reason()).contains("not published for 61 s").contains("1 event(s) wait");
        assertThat(alert.incidentKey()).isEqualTo("OUTBOX_STUCK:" + outbox.row("CP-1").event.replenishmentId()
                + ":2026-11-29T12:00:00Z");
    }

    @Test
    void events_of_the_same_outage_draining_one_by_one_do_not_alert_again_but_a_later_outage_does() {
        outbox.append(InMemoryOutbox.event("CP-1", START));
        outbox.append(InMemoryOutbox.event("CP-2", START.plusSeconds(5)));
        clock.advance(Duration.ofSeconds(90));
        watching.look();

        outbox.markPublished(1, clock.instant());
        watching.look();
        assertThat(alerts).as("CP-2 is still past the limit, in the same incident").hasSize(1);

        outbox.markPublished(2, clock.instant());
        watching.look();
        outbox.append(InMemoryOutbox.event("CP-3", clock.instant()));
        clock.advance(Duration.ofSeconds(61));
        watching.look();

        assertThat(alerts).extracting(Alert::sku).containsExactly("CP-1", "CP-3");
    }

    @Test
    void another_instance_noticing_the_same_stuck_event_raises_the_same_incident() {
        outbox.append(InMemoryOutbox.event("CP-1", START));
        var other = new WatchingTheOutbox(outbox, alerts::add, clock, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));

        watching.look();
        other.look();

        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).incidentKey()).isEqualTo(alerts.get(1).incidentKey());
    }

    @Test
    void the_pending_count_says_when_it_stopped_at_its_cap() {
        var capped = new OutboxBacklog(10_000, true, java.util.Optional.empty(), 0, null);

        assertThat(capped.pendingText()).isEqualTo("10000+");
        assertThat(OutboxBacklog.EMPTY.pendingText()).isEqualTo("0");
        assertThat(OutboxBacklog.EMPTY.oldestAge(START)).isZero();
    }
}
