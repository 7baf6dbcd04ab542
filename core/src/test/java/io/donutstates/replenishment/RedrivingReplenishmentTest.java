package io.donutstates.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.messaging.InMemoryOutbox;
import io.donutstates.replenishment.RedrivingReplenishment.Outcome;
import io.donutstates.shared.InMemoryTransactions;
import io.donutstates.shared.TestClock;
import io.donutstates.stock.Quantity;
import org.junit.jupiter.api.Test;

/** Ops send a dead-lettered replenishment back to work, unless its product has another under way. */
class RedrivingReplenishmentTest {

    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final TestClock clock = new TestClock();
    private final RedrivingReplenishment redriving = new RedrivingReplenishment(replenishments, outbox,
            new InMemoryTransactions(replenishments, outbox), clock);

    private Replenishment aFailedReplenishment(String sku) {
        var r = replenishments.requested(sku, 10, clock.instant());
        replenishments.releaseAfterFailure(r.id(), "503", clock.instant());
        replenishments.markFailed(r.id(), "factory down", clock.instant());
        return r;
    }

    @Test
    void a_failed_replenishment_is_requested_again_with_a_fresh_event() {
        var failed = aFailedReplenishment("CP-502101");

        assertThat(redriving.redrive(failed.id())).isEqualTo(Outcome.REDRIVEN);

        var reopened = replenishments.get(failed.id());
        assertThat(reopened.status()).isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(reopened.failedAt()).isNull();
        assertThat(reopened.waitingForFactorySince()).as("the factory's failures are counted afresh").isNull();
        assertThat(outbox.events()).singleElement()
                .satisfies(event -> assertThat(event.replenishmentId()).isEqualTo(failed.id()));
        assertThat(replenishments.notes(failed.id())).singleElement().asString().endsWith("redriven from dead_letter_queue");
    }

    @Test
    void a_failed_replenishment_whose_product_has_another_under_way_is_superseded_and_stays_failed() {
        var failed = aFailedReplenishment("CP-502101");
        replenishments.requested("CP-502101", 10, clock.instant());

        assertThat(redriving.redrive(failed.id())).isEqualTo(Outcome.SUPERSEDED);

        assertThat(replenishments.get(failed.id()).status()).isEqualTo(ReplenishmentStatus.FAILED);
        assertThat(outbox.events()).isEmpty();
        assertThat(replenishments.notes(failed.id())).singleElement().asString()
                .contains("redrive skipped: another replenishment of CP-502101 is under way");
    }

    @Test
    void a_replenishment_still_waiting_for_its_order_gets_a_fresh_event() {
        var requested = replenishments.requested("CP-502101", 10, clock.instant());

        assertThat(redriving.redrive(requested.id())).isEqualTo(Outcome.REDRIVEN);

        assertThat(replenishments.get(requested.id()).status()).isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(outbox.events()).hasSize(1);
    }

    @Test
    void an_ordered_delivered_or_unknown_replenishment_has_nothing_to_redrive() {
        var ordered = replenishments.ordered("CP-1", 10, clock.instant());
        var delivered = replenishments.ordered("CP-2", 10, clock.instant());
        replenishments.markDelivered(delivered.id(), Quantity.of(10), clock.instant());

        assertThat(redriving.redrive(ordered.id())).isEqualTo(Outcome.NOTHING_TO_REDRIVE);
        assertThat(redriving.redrive(delivered.id())).isEqualTo(Outcome.NOTHING_TO_REDRIVE);
        assertThat(redriving.redrive(ReplenishmentId.random())).isEqualTo(Outcome.NOTHING_TO_REDRIVE);
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void a_discarded_dead_letter_leaves_its_reason_in_the_history_and_changes_nothing_else() {
        var failed = aFailedReplenishment("CP-502101");

        redriving.discard(failed.id(), "product withdrawn");
        redriving.discard(ReplenishmentId.random(), "unknown, ignored");

        assertThat(replenishments.get(failed.id()).status()).isEqualTo(ReplenishmentStatus.FAILED);
        assertThat(replenishments.notes(failed.id())).singleElement().asString()
                .endsWith("dead letter discarded: product withdrawn");
        assertThat(outbox.events()).isEmpty();
    }
}
