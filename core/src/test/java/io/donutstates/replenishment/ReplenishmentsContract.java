package io.donutstates.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Replenishments} (and the {@link ReplenishmentViews} beside it) must do, run
 * against the in-memory fake and the database adapter alike, so the fake the use-case tests rely on
 * behaves as the SQL does. Each status change is guarded: tried twice, or from a status its
 * {@link Transition} does not start from, it changes nothing. Tests use products of their own, so an
 * implementation may keep its rows from one test to the next.
 */
public abstract class ReplenishmentsContract {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    /** The implementation under test. */
    protected abstract Replenishments replenishments();

    /** The views over the same replenishments. */
    protected abstract ReplenishmentViews views();

    private static Replenishment aRequest(String sku) {
        return Replenishment.requested(ReplenishmentId.random(), Sku.of(sku), new FactoryId("FF-500293"),
                Quantity.of(10), T0);
    }

    private Replenishment opened(String sku) {
        var r = aRequest(sku);
        assertThat(replenishments().open(r)).isTrue();
        return r;
    }

    private ReplenishmentStatus statusOf(Replenishment r) {
        return replenishments().find(r.id()).orElseThrow().status();
    }

    @Test
    public void a_product_has_one_open_replenishment_at_most() {
        var first = opened("ONE-1");

        assertThat(replenishments().open(aRequest("ONE-1"))).isFalse();
        assertThat(replenishments().openFor(Sku.of("ONE-1"))).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(first.id()));

        replenishments().markDelivered(first.id(), Quantity.of(10), T0);
        assertThat(replenishments().openFor(Sku.of("ONE-1"))).isEmpty();
        assertThat(replenishments().open(aRequest("ONE-1"))).as("after delivery a new one may open").isTrue();
    }

    @Test
    public void requested_to_ordered_to_delivered_each_happens_once() {
        var r = opened("MOVE-1");

        assertThat(replenishments().markOrdered(r.id(), T0)).isTrue();
        assertThat(replenishments().markOrdered(r.id(), T0)).isFalse();
        assertThat(replenishments().markDelivered(r.id(), Quantity.of(8), T0.plusSeconds(60))).isTrue();
        assertThat(replenishments().markDelivered(r.id(), Quantity.of(8), T0.plusSeconds(61))).isFalse();
        assertThat(replenishments().markFailed(r.id(), "late", T0.plusSeconds(62))).as("delivered is final").isFalse();

        var delivered = replenishments().find(r.id()).orElseThrow();
        assertThat(delivered.status()).isEqualTo(ReplenishmentStatus.DELIVERED);
        assertThat(delivered.deliveredQuantity()).isEqualTo(8);
        assertThat(delivered.deliveredAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    public void a_failed_replenishment_reopens_only_while_its_product_has_no_other_open() {
        var failed = opened("REOPEN-1");
        assertThat(replenishments().markFailed(failed.id(), "factory down", T0)).isTrue();
        assertThat(replenishments().markFailed(failed.id(), "again", T0)).isFalse();
        var other = opened("REOPEN-1");

        assertThat(replenishments().reopen(failed.id(), T0)).isFalse();
        assertThat(statusOf(failed)).isEqualTo(ReplenishmentStatus.FAILED);

        replenishments().markFailed(other.id(), "given up", T0);
        assertThat(replenishments().reopen(failed.id(), T0.plusSeconds(1))).isTrue();
        assertThat(statusOf(failed)).isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(replenishments().reopen(failed.id(), T0.plusSeconds(2))).as("no longer failed").isFalse();
    }

    @Test
    public void an_ordering_lease_keeps_other_workers_out_until_it_runs_out() {
        var r = opened("LEASE-1");

        assertThat(replenishments().claimForOrdering(r.id(), T0, T0.plusSeconds(30))).isTrue();
        assertThat(replenishments().claimForOrdering(r.id(), T0.plusSeconds(29), T0.plusSeconds(59))).isFalse();
        assertThat(replenishments().claimForOrdering(r.id(), T0.plusSeconds(31), T0.plusSeconds(61))).isTrue();
        assertThat(replenishments().find(r.id()).orElseThrow().attempts()).isEqualTo(2);

        replenishments().markOrdered(r.id(), T0.plusSeconds(32));
        assertThat(replenishments().claimForOrdering(r.id(), T0.plusSeconds(100), T0.plusSeconds(130)))
                .as("ordered, nothing to claim").isFalse();
    }

    @Test
    public void since_when_the_factory_fails_a_replenishment_is_kept_from_the_first_failure_and_cleared_by_an_order() {
        var r = opened("WAIT-1");
        replenishments().claimForOrdering(r.id(), T0, T0.plusSeconds(30));
        replenishments().releaseAfterFailure(r.id(), "503", T0);
        replenishments().claimForOrdering(r.id(), T0.plusSeconds(60), T0.plusSeconds(90));
        replenishments().releaseAfterFailure(r.id(), "timeout", T0.plusSeconds(60));

        var waiting = replenishments().find(r.id()).orElseThrow();
        assertThat(waiting.waitingForFactorySince()).isEqualTo(T0);
        assertThat(waiting.lastError()).isEqualTo("timeout");
        assertThat(replenishments().waitingForFactorySince(T0.plusMillis(1), 10)).extracting(Replenishment::id)
                .contains(r.id());
        assertThat(replenishments().waitingForFactorySince(T0, 10)).extracting(Replenishment::id)
                .doesNotContain(r.id());
        assertThat(replenishments().claimForOrdering(r.id(), T0.plusSeconds(61), T0.plusSeconds(91)))
                .as("the failure gave the lease up").isTrue();

        replenishments().markOrdered(r.id(), T0.plusSeconds(120));
        var ordered = replenishments().find(r.id()).orElseThrow();
        assertThat(ordered.waitingForFactorySince()).isNull();
        assertThat(ordered.lastError()).isNull();
        assertThat(replenishments().waitingForFactorySince(T0.plus(Duration.ofDays(1)), 10)).extracting(Replenishment::id)
                .doesNotContain(r.id());
    }

    @Test
    public void a_redrive_starts_counting_the_factorys_failures_afresh() {
        var r = opened("WAIT-2");
        replenishments().releaseAfterFailure(r.id(), "503", T0);
        replenishments().markFailed(r.id(), "gave up", T0.plusSeconds(600));

        replenishments().reopen(r.id(), T0.plusSeconds(700));

        assertThat(replenishments().find(r.id()).orElseThrow().waitingForFactorySince()).isNull();
    }

    @Test
    public void a_late_order_is_placed_again_once_and_an_idle_request_is_touched_once() {
        var late = opened("SWEEP-1");
        replenishments().markOrdered(late.id(), T0);
        assertThat(replenishments().orderedBefore(T0.plusSeconds(1), 100)).extracting(Replenishment::id).contains(late.id());

        assertThat(replenishments().reorder(late.id(), T0.plusSeconds(10))).isTrue();
        assertThat(replenishments().reorder(late.id(), T0.plusSeconds(10))).isFalse();
        assertThat(replenishments().find(late.id()).orElseThrow().reorders()).isEqualTo(1);

        var idle = opened("SWEEP-2");
        assertThat(replenishments().requestedIdleSince(T0.plusSeconds(300), 100)).extracting(Replenishment::id)
                .contains(idle.id());
        assertThat(replenishments().touchIfIdle(idle.id(), T0.plusSeconds(300), T0.plusSeconds(301))).isTrue();
        assertThat(replenishments().touchIfIdle(idle.id(), T0.plusSeconds(300), T0.plusSeconds(302))).isFalse();
        assertThat(replenishments().requestedIdleSince(T0.plusSeconds(300), 100)).extracting(Replenishment::id)
                .doesNotContain(idle.id());
    }

    @Test
    public void notes_are_kept_in_order() {
        var r = opened("NOTE-1");

        replenishments().note(r.id(), "first", T0);
        replenishments().note(r.id(), "second", T0.plusSeconds(1));

        assertThat(views().notes(r.id())).containsExactly(T0 + " first", T0.plusSeconds(1) + " second");
    }

    @Test
    public void every_status_change_happens_exactly_from_the_statuses_its_transition_starts_from() {
        for (var transition : Transition.values()) {
            for (var status : ReplenishmentStatus.values()) {
                var r = in(status, "LIFE-" + transition + "-" + status);

                boolean moved = make(transition, r.id());

                assertThat(moved).as(transition + " from " + status).isEqualTo(transition.allowedFrom(status));
                assertThat(statusOf(r)).as("after " + transition + " from " + status)
                        .isEqualTo(moved ? transition.to() : status);
            }
        }
    }

    /** A replenishment of a product of its own, brought to the given status. */
    private Replenishment in(ReplenishmentStatus status, String sku) {
        var r = opened(sku);
        switch (status) {
            case REQUESTED -> { }
            case ORDERED -> replenishments().markOrdered(r.id(), T0);
            case DELIVERED -> replenishments().markDelivered(r.id(), Quantity.of(10), T0);
            case FAILED -> replenishments().markFailed(r.id(), "given up", T0);
        }
        assertThat(statusOf(r)).isEqualTo(status);
        return r;
    }

    private boolean make(Transition transition, ReplenishmentId id) {
        var at = T0.plusSeconds(1);
        return switch (transition) {
            case ORDER -> replenishments().markOrdered(id, at);
            case REORDER -> replenishments().reorder(id, at);
            case FAIL -> replenishments().markFailed(id, "given up", at);
            case DELIVER -> replenishments().markDelivered(id, Quantity.of(10), at);
            case REDRIVE -> replenishments().reopen(id, at);
        };
    }
}
