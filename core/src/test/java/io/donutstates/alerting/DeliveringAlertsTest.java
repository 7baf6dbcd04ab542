package io.donutstates.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.shared.InMemoryTransactions;
import io.donutstates.shared.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raised alerts reach each channel; a channel that is down is retried later and holds up no other. */
class DeliveringAlertsTest {

    private final TestClock clock = new TestClock();
    private final InMemoryAlerts alerts = new InMemoryAlerts("webhook", "email");
    private final RecordingChannel webhook = new RecordingChannel("webhook");
    private final RecordingChannel email = new RecordingChannel("email");
    private final List<String> attempts = new ArrayList<>();
    private final DeliveringAlerts delivering = new DeliveringAlerts(alerts, List.of(webhook, email),
            new InMemoryTransactions(alerts), clock, (channel, ok) -> attempts.add(channel + (ok ? " ok" : " failed")));

    private Alert anAlert(String replenishment) {
        return new Alert(Alert.Kind.REPLENISHMENT_FAILED, "CP-502101", "FF-500293", replenishment, "factory down",
                "503", clock.instant());
    }

    @Test
    void a_raised_alert_reaches_every_channel_once() {
        alerts.raise(anAlert("r-1"));

        assertThat(delivering.deliverDue()).isEqualTo(2);
        assertThat(delivering.deliverDue()).isZero();

        assertThat(webhook.delivered).containsExactly(anAlert("r-1"));
        assertThat(email.delivered).containsExactly(anAlert("r-1"));
        assertThat(alerts.delivery(1, "webhook").sent()).isTrue();
        assertThat(attempts).containsExactlyInAnyOrder("webhook ok", "email ok");
    }

    @Test
    void a_channel_that_is_down_is_tried_again_after_a_growing_delay_and_the_others_still_get_theirs() {
        webhook.down = true;
        alerts.raise(anAlert("r-1"));

        delivering.deliverDue();

        assertThat(email.delivered).hasSize(1);
        var failed = alerts.delivery(1, "webhook");
        assertThat(failed.sent()).isFalse();
        assertThat(failed.lastError()).isEqualTo("webhook unreachable");
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(1));

        clock.advance(Duration.ofMillis(999));
        assertThat(delivering.deliverDue()).as("not before its delay").isZero();
        clock.advance(Duration.ofMillis(1));
        delivering.deliverDue();
        assertThat(alerts.delivery(1, "webhook").nextAttemptAt()).as("doubled").isEqualTo(clock.instant().plusSeconds(2));

        webhook.down = false;
        clock.advance(Duration.ofSeconds(2));
        assertThat(delivering.deliverDue()).isEqualTo(1);
        assertThat(webhook.delivered).hasSize(1);
        assertThat(attempts).containsExactly("webhook failed", "email ok", "webhook failed", "webhook ok");
    }

    @Test
    void the_same_incident_raised_twice_is_delivered_once() {
        alerts.raise(anAlert("r-1"));
        alerts.raise(anAlert("r-1"));

        delivering.deliverDue();

        assertThat(webhook.delivered).hasSize(1);
    }

    @Test
    void a_delivery_for_a_channel_this_instance_does_not_have_is_left_for_one_that_does() {
        var webhookOnly = new DeliveringAlerts(alerts, List.of(webhook), new InMemoryTransactions(alerts), clock,
                (channel, ok) -> { });
        alerts.raise(anAlert("r-1"));

        assertThat(webhookOnly.deliverDue()).isEqualTo(1);

        assertThat(alerts.delivery(1, "email").sent()).isFalse();
        assertThat(alerts.delivery(1, "email").attempts()).isZero();
    }

    @Test
    void the_delay_doubles_from_a_second_and_never_exceeds_ten_minutes() {
        assertThat(DeliveringAlerts.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(DeliveringAlerts.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(DeliveringAlerts.backoff(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(DeliveringAlerts.backoff(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(DeliveringAlerts.backoff(1_000)).isEqualTo(Duration.ofMinutes(10));
    }

    /** A channel that keeps what it was given, or is down. */
    private static final class RecordingChannel implements AlertChannel {
        private final String name;
        final List<Alert> delivered = new ArrayList<>();
        boolean down;

        RecordingChannel(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(Alert alert) {
            if (down) {
                throw new IllegalStateException(name + " unreachable");
            }
            delivered.add(alert);
        }
    }
}
