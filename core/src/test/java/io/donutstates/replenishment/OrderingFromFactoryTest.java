package io.donutstates.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.factory.ScriptedFactory;
import io.donutstates.shared.TestClock;
import io.donutstates.stock.Quantity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stock worker's order: once per replenishment, whatever the queue redelivers; a failing factory is remembered. */
class OrderingFromFactoryTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    private final ScriptedFactory factory = new ScriptedFactory();
    private final TestClock clock = new TestClock();
    private final DeliveryCallbacks callbacks =
            new DeliveryCallbacks(() -> "http://shop.example", "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
    private final OrderingFromFactory ordering = new OrderingFromFactory(replenishments, factory, callbacks, clock, LEASE);

    private Replenishment aRequestedReplenishment() {
        return replenishments.requested("CP-502101", 10, clock.instant());
    }

    @Test
    void an_accepted_order_marks_the_replenishment_ordered_and_tells_the_factory_where_to_call_back() {
        var requested = aRequestedReplenishment();

        var outcome = ordering.order(requested.id());

        assertThat(outcome).isInstanceOf(OrderOutcome.Ordered.class);
        var ordered = replenishments.get(requested.id());
        assertThat(ordered.status()).isEqualTo(ReplenishmentStatus.ORDERED);
        assertThat(ordered.orderedAt()).isEqualTo(clock.instant());
        assertThat(ordered.attempts()).isEqualTo(1);
        assertThat(factory.orders()).singleElement().satisfies(order -> {
            assertThat(order.reference()).isEqualTo(requested.id().orderReference());
            assertThat(order.quantity()).isEqualTo(Quantity.of(10));
            assertThat(order.callbackUrl()).isEqualTo(callbacks.urlFor(requested.id()));
        });
    }

    @Test
    void a_redelivered_event_orders_nothing_twice() {
        var requested = aRequestedReplenishment();
        ordering.order(requested.id());

        var again = ordering.order(requested.id());

        assertThat(again).isEqualTo(new OrderOutcome.NothingToDo("replenishment " + requested.id() + " is ORDERED"));
        assertThat(factory.orders()).hasSize(1);
    }

    @Test
    void a_refused_order_leaves_the_replenishment_requested_and_remembers_since_when_the_factory_fails_it() {
        var requested = aRequestedReplenishment();
        factory.refuses("503 Service Unavailable");
        var firstFailure = clock.instant();

        var first = ordering.order(requested.id());
        clock.advance(Duration.ofMinutes(1));
        var second = ordering.order(requested.id());

        assertThat(first).isEqualTo(new OrderOutcome.FactoryRefused(requested, "503 Service Unavailable", firstFailure));
        assertThat(second).isInstanceOfSatisfying(OrderOutcome.FactoryRefused.class,
                refused -> assertThat(refused.waitingSince()).as("counted from the first failure").isEqualTo(firstFailure));
        var waiting = replenishments.get(requested.id());
        assertThat(waiting.status()).isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(waiting.attempts()).isEqualTo(2);
        assertThat(waiting.lastError()).isEqualTo("503 Service Unavailable");
        assertThat(waiting.waitingForFactorySince()).isEqualTo(firstFailure);
    }

    @Test
    void an_open_circuit_calls_no_factory_and_counts_as_a_failure() {
        var requested = aRequestedReplenishment();
        factory.circuitOpen("circuit open for FF-500293");

        var outcome = ordering.order(requested.id());

        assertThat(outcome).isEqualTo(new OrderOutcome.FactoryUnavailable(requested, "circuit open for FF-500293",
                clock.instant()));
        assertThat(factory.orders()).isEmpty();
        assertThat(replenishments.get(requested.id()).waitingForFactorySince()).isEqualTo(clock.instant());
    }

    @Test
    void an_order_the_factory_takes_at_last_clears_since_when_it_failed() {
        var requested = aRequestedReplenishment();
        factory.refuses("timeout");
        ordering.order(requested.id());
        factory.accepts();
        clock.advance(Duration.ofSeconds(5));

        assertThat(ordering.order(requested.id())).isInstanceOf(OrderOutcome.Ordered.class);

        var ordered = replenishments.get(requested.id());
        assertThat(ordered.waitingForFactorySince()).isNull();
        assertThat(ordered.lastError()).isNull();
    }

    @Test
    void a_replenishment_another_worker_holds_is_busy_until_its_lease_runs_out() {
        var requested = aRequestedReplenishment();
        replenishments.claimForOrdering(requested.id(), clock.instant(), clock.instant().plus(LEASE));

        var busy = ordering.order(requested.id());
        clock.advance(LEASE.plusMillis(1));
        var afterTheLease = ordering.order(requested.id());

        assertThat(busy).isEqualTo(new OrderOutcome.Busy(LEASE));
        assertThat(afterTheLease).isInstanceOf(OrderOutcome.Ordered.class);
        assertThat(factory.orders()).hasSize(1);
    }

    @Test
    void an_unknown_delivered_or_failed_replenishment_needs_no_order() {
        var unknown = ReplenishmentId.random();
        var delivered = replenishments.ordered("CP-1", 10, clock.instant());
        replenishments.markDelivered(delivered.id(), Quantity.of(10), clock.instant());
        var failed = replenishments.requested("CP-2", 10, clock.instant());
        replenishments.markFailed(failed.id(), "given up", clock.instant());

        assertThat(ordering.order(unknown)).isEqualTo(new OrderOutcome.NothingToDo("unknown replenishment " + unknown));
        assertThat(ordering.order(delivered.id())).isInstanceOf(OrderOutcome.NothingToDo.class);
        assertThat(ordering.order(failed.id())).isEqualTo(
                new OrderOutcome.NothingToDo("replenishment " + failed.id() + " is FAILED"));
        assertThat(factory.orders()).isEmpty();
    }

    @Test
    void a_replenishment_that_moved_on_between_reading_and_claiming_needs_no_order() {
        var requested = aRequestedReplenishment();
        var movesOn = new DelegatingReplenishments(replenishments) {
            @Override
            public boolean claimForOrdering(ReplenishmentId id, java.time.Instant now, java.time.Instant leaseUntil) {
                markFailed(id, "failed by the sweep meanwhile", now);
                return super.claimForOrdering(id, now, leaseUntil);
            }
        };

        var outcome = new OrderingFromFactory(movesOn, factory, callbacks, clock, LEASE).order(requested.id());

        assertThat(outcome).isEqualTo(new OrderOutcome.NothingToDo("replenishment " + requested.id() + " moved on"));
        assertThat(factory.orders()).isEmpty();
    }
}
