package io.donutstates.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.InMemoryAlerts;
import io.donutstates.messaging.InMemoryOutbox;
import io.donutstates.shared.InMemoryTransactions;
import io.donutstates.shared.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No replenishment stays stuck in silence: late orders are placed again, then failed; lost requests are sent again. */
class SweepingStuckReplenishmentsTest {

    private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(30);
    private static final Duration REQUEUE_AFTER = Duration.ofMinutes(5);

    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final TestClock clock = new TestClock();
    private final SweepingStuckReplenishments sweeping = new SweepingStuckReplenishments(replenishments, outbox,
            new GivingUpReplenishment(replenishments, alerts, clock), new InMemoryTransactions(replenishments, outbox),
            clock, DELIVERY_DEADLINE, 2, REQUEUE_AFTER);

    @Test
    void an_order_undelivered_past_the_deadline_is_placed_again() {
        var ordered = replenishments.ordered("CP-502101", 10, clock.instant());
        clock.advance(DELIVERY_DEADLINE.plusSeconds(1));

        assertThat(sweeping.sweep()).isEqualTo(1);

        var again = replenishments.get(ordered.id());
        assertThat(again.status()).isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(again.reorders()).isEqualTo(1);
        assertThat(outbox.events()).singleElement()
                .satisfies(event -> assertThat(event.replenishmentId()).isEqualTo(ordered.id()));
        assertThat(alerts.raised()).isEmpty();
    }

    @Test
    void an_order_within_its_deadline_is_left_alone() {
        replenishments.ordered("CP-502101", 10, clock.instant());
        clock.advance(DELIVERY_DEADLINE.minusSeconds(1));

        assertThat(sweeping.sweep()).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void after_the_last_reorder_a_late_order_fails_and_ops_hear_of_it_once() {
        var r = replenishments.ordered("CP-502101", 10, clock.instant());
        for (int reorder = 0; reorder < 2; reorder++) {
            clock.advance(DELIVERY_DEADLINE.plusSeconds(1));
            sweeping.sweep();
            replenishments.claimForOrdering(r.id(), clock.instant(), clock.instant());
            replenishments.markOrdered(r.id(), clock.instant());
        }
        clock.advance(DELIVERY_DEADLINE.plusSeconds(1));

        assertThat(sweeping.sweep()).isEqualTo(1);
        assertThat(sweeping.sweep()).isZero();

        assertThat(replenishments.get(r.id()).status()).isEqualTo(ReplenishmentStatus.FAILED);
        assertThat(alerts.raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Alert.Kind.REPLENISHMENT_STUCK);
            assertThat(alert.reason()).contains("after 3 orders");
        });
    }

    @Test
    void a_request_whose_message_was_lost_is_sent_again_once_per_idle_spell() {
        var requested = replenishments.requested("CP-502101", 10, clock.instant());
        clock.advance(REQUEUE_AFTER.plusSeconds(1));

        assertThat(sweeping.sweep()).isEqualTo(1);
        assertThat(sweeping.sweep()).as("just sent again, no longer idle").isZero();
        clock.advance(REQUEUE_AFTER.plusSeconds(1));
        assertThat(sweeping.sweep()).as("idle once more").isEqualTo(1);

        assertThat(outbox.events()).hasSize(2).allSatisfy(event ->
                assertThat(event.replenishmentId()).isEqualTo(requested.id()));
    }

    @Test
    void a_request_being_ordered_right_now_is_not_sent_again() {
        var requested = replenishments.requested("CP-502101", 10, clock.instant());
        clock.advance(REQUEUE_AFTER.plusSeconds(1));
        replenishments.claimForOrdering(requested.id(), clock.instant(), clock.instant().plusSeconds(30));

        assertThat(sweeping.sweep()).isZero();
        assertThat(outbox.events()).isEmpty();
    }
}
