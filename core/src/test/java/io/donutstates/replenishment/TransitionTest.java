package io.donutstates.replenishment;

import static io.donutstates.replenishment.ReplenishmentStatus.DELIVERED;
import static io.donutstates.replenishment.ReplenishmentStatus.FAILED;
import static io.donutstates.replenishment.ReplenishmentStatus.ORDERED;
import static io.donutstates.replenishment.ReplenishmentStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replenishment lifecycle, move by move: what it allows, and that it refuses everything else. */
class TransitionTest {

    /** Each status and the statuses that may follow it. */
    private static final Map<ReplenishmentStatus, List<ReplenishmentStatus>> ALLOWED = Map.of(
            REQUESTED, List.of(ORDERED, FAILED, DELIVERED),
            ORDERED, List.of(REQUESTED, FAILED, DELIVERED),
            FAILED, List.of(REQUESTED, DELIVERED),
            DELIVERED, List.of());

    @Test
    void a_requested_replenishment_is_ordered_failed_or_delivered() {
        assertThat(Transition.between(REQUESTED, ORDERED)).containsExactly(Transition.ORDER);
        assertThat(Transition.between(REQUESTED, FAILED)).containsExactly(Transition.FAIL);
        assertThat(Transition.between(REQUESTED, DELIVERED)).containsExactly(Transition.DELIVER);
    }

    @Test
    void an_ordered_replenishment_is_delivered_failed_or_ordered_again() {
        assertThat(Transition.between(ORDERED, DELIVERED)).containsExactly(Transition.DELIVER);
        assertThat(Transition.between(ORDERED, FAILED)).containsExactly(Transition.FAIL);
        assertThat(Transition.between(ORDERED, REQUESTED)).containsExactly(Transition.REORDER);
    }

    @Test
    void a_failed_replenishment_is_redriven_or_still_takes_a_late_delivery() {
        assertThat(Transition.between(FAILED, REQUESTED)).containsExactly(Transition.REDRIVE);
        assertThat(Transition.between(FAILED, DELIVERED)).containsExactly(Transition.DELIVER);
    }

    @Test
    void a_delivered_replenishment_is_final() {
        for (var next : ReplenishmentStatus.values()) {
            assertThat(DELIVERED.canMoveTo(next)).as("DELIVERED to " + next).isFalse();
        }
        assertThat(Transition.values()).noneMatch(t -> t.allowedFrom(DELIVERED));
    }

    @Test
    void every_move_the_lifecycle_names_is_allowed_and_every_other_is_refused() {
        for (var current : ReplenishmentStatus.values()) {
            for (var next : ReplenishmentStatus.values()) {
                assertThat(current.canMoveTo(next)).as(current + " to " + next)
                        .isEqualTo(ALLOWED.get(current).contains(next));
            }
        }
    }

    @Test
    void no_status_moves_to_itself() {
        for (var status : ReplenishmentStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void each_move_starts_only_from_the_statuses_it_names() {
        assertThat(Transition.ORDER.from()).containsExactlyInAnyOrder(REQUESTED);
        assertThat(Transition.REORDER.from()).containsExactlyInAnyOrder(ORDERED);
        assertThat(Transition.FAIL.from()).containsExactlyInAnyOrder(REQUESTED, ORDERED);
        assertThat(Transition.DELIVER.from()).containsExactlyInAnyOrder(REQUESTED, ORDERED, FAILED);
        assertThat(Transition.REDRIVE.from()).containsExactlyInAnyOrder(FAILED);
        assertThat(Transition.FAIL.fromNames()).containsExactlyInAnyOrder("REQUESTED", "ORDERED");
    }

    @Test
    void the_starting_statuses_cannot_be_changed_from_outside() {
        Transition.ORDER.from().add(DELIVERED);

        assertThat(Transition.ORDER.allowedFrom(DELIVERED)).isFalse();
    }
}
