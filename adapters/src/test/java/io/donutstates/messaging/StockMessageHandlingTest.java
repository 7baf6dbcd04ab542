package io.donutstates.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.InMemoryAlerts;
import io.donutstates.factory.ScriptedFactory;
import io.donutstates.messaging.StockMessageHandling.Verdict;
import io.donutstates.replenishment.DeliveryCallbacks;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.InMemoryReplenishments;
import io.donutstates.replenishment.OrderOutcome;
import io.donutstates.replenishment.OrderingFromFactory;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.shared.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stock worker's verdict on one stock_queue message, with the core's use cases on in-memory fakes. */
class StockMessageHandlingTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final TestClock clock = new TestClock();
    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final ScriptedFactory factory = new ScriptedFactory();
    private final List<OrderOutcome> outcomes = new ArrayList<>();
    private final StockMessageHandling handling = new StockMessageHandling(
            new OrderingFromFactory(replenishments, factory,
                    new DeliveryCallbacks(() -> "http://shop.example", "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8)),
                    clock, LEASE),
            new GivingUpReplenishment(replenishments, alerts, clock),
            new StockMessageHandling.Retries(5, Duration.ofSeconds(1), Duration.ofMinutes(1), GIVE_UP_AFTER),
            clock, outcomes::add);

    private Replenishment aRequestedReplenishment() {
        return replenishments.requested("CP-502101", 10, clock.instant());
    }

    private static String messageFor(Replenishment replenishment) {
        return StockEventJson.encode(replenishment.event(replenishment.requestedAt()));
    }

    @Test
    void a_message_whose_replenishment_the_factory_takes_is_done() {
        var r = aRequestedReplenishment();

        assertThat(handling.handle(messageFor(r), 1)).isEqualTo(new Verdict.Done());

        assertThat(replenishments.get(r.id()).status()).isEqualTo(ReplenishmentStatus.ORDERED);
        assertThat(outcomes).singleElement().isInstanceOf(OrderOutcome.Ordered.class);
    }

    @Test
    void a_duplicate_message_is_done_without_a_second_order() {
        var r = aRequestedReplenishment();
        handling.handle(messageFor(r), 1);

        assertThat(handling.handle(messageFor(r), 1)).isEqualTo(new Verdict.Done());

        assertThat(factory.orders()).hasSize(1);
        assertThat(outcomes.get(1)).isInstanceOf(OrderOutcome.NothingToDo.class);
    }

    @Test
    void a_replenishment_another_worker_holds_is_deferred_until_its_lease_can_have_run_out() {
        var r = aRequestedReplenishment();
        replenishments.claimForOrdering(r.id(), clock.instant(), clock.instant().plus(LEASE));

        assertThat(handling.handle(messageFor(r), 1)).isEqualTo(new Verdict.Defer(LEASE));
    }

    @Test
    void a_refusing_factory_defers_the_message_with_a_growing_delay() {
        var r = aRequestedReplenishment();
        factory.refuses("503 Service Unavailable");

        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            var verdict = handling.handle(messageFor(r), 1);
            assertThat(verdict).isInstanceOf(Verdict.Defer.class);
            delays.add(((Verdict.Defer) verdict).delay());
            clock.advance(Duration.ofSeconds(10));
        }

        // 1 s, doubling with each attempt made before this one, jittered by up to half either way:
        // [0.5 s, 1.5 s] at first, [4 s, 12 s] after four refused attempts.
        assertThat(delays.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1_500));
        assertThat(delays.get(4)).isBetween(Duration.ofMillis(4_000), Duration.ofMillis(12_000));
        assertThat(replenishments.get(r.id()).status()).isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(alerts.raised()).isEmpty();
    }

    @Test
    void an_open_circuit_defers_the_message_the_same_way() {
        var r = aRequestedReplenishment();
        factory.circuitOpen("circuit open");

        assertThat(handling.handle(messageFor(r), 1)).isInstanceOf(Verdict.Defer.class);
        assertThat(factory.orders()).isEmpty();
    }

    @Test
    void a_factory_that_fails_a_replenishment_past_the_give_up_bound_sends_it_to_the_dead_letter_queue() {
        var r = aRequestedReplenishment();
        factory.refuses("503 Service Unavailable");
        handling.handle(messageFor(r), 1);
        clock.advance(GIVE_UP_AFTER.minusSeconds(1));
        assertThat(handling.handle(messageFor(r), 1)).as("just within the bound").isInstanceOf(Verdict.Defer.class);
        clock.advance(Duration.ofSeconds(1));

        var verdict = handling.handle(messageFor(r), 1);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.DeadLetter.class, dead ->
                assertThat(dead.reason()).contains("has not taken the order for 10m"));
        assertThat(replenishments.get(r.id()).status()).isEqualTo(ReplenishmentStatus.FAILED);
        assertThat(alerts.raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Alert.Kind.DEAD_LETTERED);
            assertThat(alert.lastError()).isEqualTo("503 Service Unavailable");
        });
    }

    @Test
    void a_backorder_fulfilment_reaching_stock_queue_is_done_without_an_order() {
        var r = aRequestedReplenishment();
        var fulfilled = new io.donutstates.backorder.BackorderFulfilled(java.util.UUID.randomUUID(),
                io.donutstates.backorder.BackorderId.random(), io.donutstates.stock.Sku.of("CP-502101"), 2, 7, 41L,
                r.id(), clock.instant());
        String body = StockEventJson.encode(fulfilled);

        assertThat(StockEventJson.decode(body)).as("read back whole").isEqualTo(fulfilled);
        assertThat(handling.handle(body, 1)).isEqualTo(new Verdict.Done());
        assertThat(outcomes).isEmpty();
        assertThat(factory.orders()).isEmpty();
    }

    @Test
    void an_unreadable_message_comes_back_later_and_orders_nothing() {
        var first = handling.handle("{\"type\":\"StockRanOut\"}", 1);
        var fourth = handling.handle("not json", 4);

        assertThat(first).isInstanceOfSatisfying(Verdict.RetryIn.class,
                retry -> assertThat(retry.delay()).isBetween(Duration.ofMillis(500), Duration.ofMillis(1_500)));
        assertThat(fourth).isInstanceOfSatisfying(Verdict.RetryIn.class,
                retry -> assertThat(retry.delay()).isBetween(Duration.ofMillis(4_000), Duration.ofMillis(12_000)));
        assertThat(outcomes).isEmpty();
        assertThat(factory.orders()).isEmpty();
    }

    @Test
    void a_give_up_bound_must_be_positive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StockMessageHandling.Retries(5,
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
