package io.donutstates.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.InMemoryAlerts;
import io.donutstates.shared.TestClock;
import io.donutstates.stock.Quantity;
import org.junit.jupiter.api.Test;

/** A replenishment given up becomes FAILED once, and ops hear of it once. */
class GivingUpReplenishmentTest {

    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final TestClock clock = new TestClock();
    private final GivingUpReplenishment givingUp = new GivingUpReplenishment(replenishments, alerts, clock);

    @Test
    void an_open_replenishment_fails_and_the_alert_names_it_and_its_last_error() {
        var open = replenishments.requested("CP-502101", 10, clock.instant());

        boolean failed = givingUp.giveUp(open.id(), Alert.Kind.DEAD_LETTERED, "factory down for 10m", "503");

        assertThat(failed).isTrue();
        var r = replenishments.get(open.id());
        assertThat(r.status()).isEqualTo(ReplenishmentStatus.FAILED);
        assertThat(r.failedAt()).isEqualTo(clock.instant());
        assertThat(alerts.raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Alert.Kind.DEAD_LETTERED);
            assertThat(alert.sku()).isEqualTo("CP-502101");
            assertThat(alert.factoryId()).isEqualTo("FF-500293");
            assertThat(alert.replenishmentId()).isEqualTo(open.id().toString());
            assertThat(alert.reason()).isEqualTo("factory down for 10m");
            assertThat(alert.lastError()).isEqualTo("503");
        });
    }

    @Test
    void without_an_error_given_the_alert_carries_the_one_the_replenishment_kept() {
        var open = replenishments.requested("CP-502101", 10, clock.instant());
        replenishments.releaseAfterFailure(open.id(), "connection refused", clock.instant());

        givingUp.giveUp(open.id(), Alert.Kind.REPLENISHMENT_STUCK, "no delivery", null);

        assertThat(alerts.raised()).singleElement()
                .satisfies(alert -> assertThat(alert.lastError()).isEqualTo("connection refused"));
    }

    @Test
    void giving_up_twice_fails_it_once_and_alerts_once() {
        var open = replenishments.requested("CP-502101", 10, clock.instant());
        givingUp.giveUp(open.id(), Alert.Kind.DEAD_LETTERED, "first", null);

        boolean again = givingUp.giveUp(open.id(), Alert.Kind.DEAD_LETTERED, "second", null);

        assertThat(again).isFalse();
        assertThat(alerts.raised()).hasSize(1);
    }

    @Test
    void a_delivered_or_unknown_replenishment_is_not_given_up() {
        var delivered = replenishments.ordered("CP-502101", 10, clock.instant());
        replenishments.markDelivered(delivered.id(), Quantity.of(10), clock.instant());

        assertThat(givingUp.giveUp(delivered.id(), Alert.Kind.REPLENISHMENT_STUCK, "late", null)).isFalse();
        assertThat(givingUp.giveUp(ReplenishmentId.random(), Alert.Kind.REPLENISHMENT_STUCK, "late", null)).isFalse();
        assertThat(replenishments.get(delivered.id()).status()).isEqualTo(ReplenishmentStatus.DELIVERED);
        assertThat(alerts.raised()).isEmpty();
    }
}
