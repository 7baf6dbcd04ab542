package io.donutstates.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningBalanceTest {

    private static final io.donutstates.stock.StockSlot SLOT = new io.donutstates.stock.StockSlot(new Sku("CP-502101"), 0);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void lines_that_add_up_move_the_checkpoint_to_the_last_one() {
        var from = Checkpoint.opening(SLOT, 0, 0, NOW);

        var to = RunningBalance.follow(from, List.of(line(1, 10, 10), line(4, -3, 7), line(9, -7, 0)), NOW);

        assertThat(to.movementId()).isEqualTo(9);
        assertThat(to.balance()).isZero();
        assertThat(to.checked()).isEqualTo(3);
        assertThat(to.broken()).isFalse();
    }

    @Test
    void a_line_whose_balance_does_not_follow_stops_the_checkpoint_before_it() {
        var from = Checkpoint.opening(SLOT, 0, 0, NOW);

        var to = RunningBalance.follow(from, List.of(line(1, 10, 10), line(2, -1, 50), line(3, -1, 49)), NOW);

        assertThat(to.movementId()).isEqualTo(1);
        assertThat(to.balance()).isEqualTo(10);
        assertThat(to.problem()).hasValueSatisfying(p -> {
            assertThat(p.movementId()).isEqualTo(2);
            assertThat(p.what()).contains("10 - 1 is 9", "says 50");
        });
    }

    @Test
    void a_running_balance_below_zero_is_a_problem_even_when_the_line_claims_zero() {
        var from = Checkpoint.opening(SLOT, 0, 0, NOW);

        var to = RunningBalance.follow(from, List.of(line(1, 3, 3), line(2, -5, 0)), NOW);

        assertThat(to.problem()).hasValueSatisfying(p -> {
            assertThat(p.movementId()).isEqualTo(2);
            assertThat(p.what()).contains("below zero");
        });
    }

    @Test
    void a_broken_checkpoint_goes_no_further() {
        var broken = RunningBalance.follow(Checkpoint.opening(SLOT, 0, 0, NOW), List.of(line(1, -1, 0)), NOW);

        var after = RunningBalance.follow(broken, List.of(line(2, 5, 5)), NOW);

        assertThat(after).isEqualTo(broken);
    }

    @Test
    void following_starts_from_an_archived_opening_balance() {
        var opening = Checkpoint.opening(SLOT, 1_000, 40, NOW);

        var to = RunningBalance.follow(opening, List.of(line(1_001, -2, 38)), NOW);

        assertThat(to.broken()).isFalse();
        assertThat(to.balance()).isEqualTo(38);
    }

    private static LedgerLine line(long id, int change, long balanceAfter) {
        return new LedgerLine(id, change, balanceAfter);
    }
}
