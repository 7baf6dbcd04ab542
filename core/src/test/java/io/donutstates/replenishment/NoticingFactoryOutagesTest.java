package io.donutstates.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.InMemoryAlerts;
import io.donutstates.shared.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ops hear of a factory that has not taken orders for a while, once per factory and outage. */
class NoticingFactoryOutagesTest {

    private static final Duration ALERT_AFTER = Duration.ofMinutes(2);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final TestClock clock = new TestClock();
    private final NoticingFactoryOutages noticing =
            new NoticingFactoryOutages(replenishments, alerts, clock, ALERT_AFTER, GIVE_UP_AFTER);

    private Replenishment waitingForItsFactory(String sku, String error) {
        var r = replenishments.requested(sku, 10, clock.instant());
        replenishments.claimForOrdering(r.id(), clock.instant(), clock.instant().plusSeconds(30));
        replenishments.releaseAfterFailure(r.id(), error, clock.instant());
        return r;
    }

    @Test
    void a_factory_failing_past_the_bound_is_reported_naming_the_products_waiting_for_it() {
        waitingForItsFactory("CP-1", "503 first");
        clock.advance(Duration.ofSeconds(30));
        waitingForItsFactory("CP-2", "503 second");
        clock.advance(ALERT_AFTER.plusSeconds(1));

        assertThat(noticing.notice()).containsExactly("FF-500293");

        assertThat(alerts.raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Alert.Kind.FACTORY_UNAVAILABLE);
            assertThat(alert.factoryId()).isEqualTo("FF-500293");
            assertThat(alert.reason()).contains("has not taken an order for 2m 31s").contains("waiting: CP-1, CP-2")
                    .contains("after 10m");
            assertThat(alert.lastError()).as("the longest waiting one's").isEqualTo("503 first");
        });
    }

    @Test
    void a_factory_failing_for_less_than_the_bound_is_not_reported() {
        waitingForItsFactory("CP-1", "503");
        clock.advance(ALERT_AFTER.minusSeconds(1));

        assertThat(noticing.notice()).isEmpty();
        assertThat(alerts.raised()).isEmpty();
    }

    @Test
    void an_outage_is_reported_once_however_long_it_lasts_and_across_hours() {
        clock.set(java.time.Instant.parse("2025-03-01T09:57:00Z"));
        waitingForItsFactory("CP-1", "503");
        clock.advance(ALERT_AFTER.plusSeconds(1));

        noticing.notice();
        clock.advance(Duration.ofMinutes(1));
        noticing.notice();
        assertThat(alerts.raised()).hasSize(1);

        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).as("the next hour").isAfter(java.time.Instant.parse("2025-03-01T10:00:00Z"));
        noticing.notice();
        assertThat(alerts.raised()).as("the same outage, noticed in the next hour").hasSize(1);
    }

    @Test
    void a_second_outage_of_the_same_factory_in_the_same_hour_is_reported_again() {
        clock.set(java.time.Instant.parse("2025-03-01T10:00:00Z"));
        var first = waitingForItsFactory("CP-1", "503 first");
        clock.advance(ALERT_AFTER.plusSeconds(1));
        noticing.notice();

        replenishments.claimForOrdering(first.id(), clock.instant(), clock.instant().plusSeconds(30));
        replenishments.markOrdered(first.id(), clock.instant());
        clock.advance(Duration.ofMinutes(5));
        waitingForItsFactory("CP-2", "503 second");
        clock.advance(ALERT_AFTER.plusSeconds(1));
        noticing.notice();

        assertThat(alerts.raised()).as("the factory took the first order, then failed again").hasSize(2)
                .extracting(Alert::lastError).containsExactly("503 first", "503 second");
        assertThat(alerts.raised().get(0).incidentKey()).isNotEqualTo(alerts.raised().get(1).incidentKey());
    }

    @Test
    void an_order_the_factory_took_is_no_longer_waiting_for_it() {
        var r = waitingForItsFactory("CP-1", "503");
        replenishments.claimForOrdering(r.id(), clock.instant(), clock.instant().plusSeconds(30));
        replenishments.markOrdered(r.id(), clock.instant());
        clock.advance(ALERT_AFTER.plusSeconds(1));

        assertThat(noticing.notice()).isEmpty();
    }
}
