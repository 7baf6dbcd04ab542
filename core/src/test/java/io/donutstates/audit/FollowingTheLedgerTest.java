package io.donutstates.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.alerting.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowingTheLedgerTest {

    private static final Duration PLENTY = Duration.ofMinutes(1);
    private static final io.donutstates.shared.Transactions NO_TRANSACTION = new io.donutstates.shared.Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    };

    private final InMemoryLedgerAudits ledger = new InMemoryLedgerAudits();
    private final List<Alert> alerts = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final FollowingTheLedger following =
            new FollowingTheLedger(ledger, alerts::add, NO_TRANSACTION, clock);

    @Test
    void catches_up_with_every_product_a_chunk_at_a_time() {
        ledger.lines("CP-1", 1, 1_000).lines("CP-1", 999, -1).lines("CP-2", 1, 5);

        long checked = following.catchUp(100, PLENTY);

        assertThat(checked).isEqualTo(1_001);
        assertThat(ledger.checkpoint(AuditTrack.LIVE, "CP-1").balance()).isEqualTo(1);
        assertThat(ledger.checkpoint(AuditTrack.LIVE, "CP-2").balance()).isEqualTo(5);
    }

    @Test
    void reads_only_the_lines_after_its_checkpoint_however_long_the_history() {
        ledger.lines("CP-1", 1, 100_000).lines("CP-1", 50_000, -1);
        following.catchUp(5_000, PLENTY);
        long readForHistory = ledger.linesRead;

        ledger.lines("CP-1", 10, -1);
        following.catchUp(5_000, PLENTY);

        assertThat(readForHistory).isEqualTo(50_001);
        assertThat(ledger.linesRead - readForHistory).as("lines read for ten new sales").isEqualTo(10);
    }

    @Test
    void a_line_that_does_not_add_up_is_reported_once_and_stops_that_product_only() {
        ledger.line("CP-1", 3).forgedLine("CP-1", -5, 0).line("CP-1", 4).line("CP-2", 7).line("CP-2", -1);

        following.catchUp(100, PLENTY);
        following.catchUp(100, PLENTY);

        assertThat(ledger.checkpoint(AuditTrack.LIVE, "CP-1").problem()).hasValueSatisfying(p ->
                assertThat(p.what()).contains("below zero"));
        assertThat(ledger.checkpoint(AuditTrack.LIVE, "CP-2").balance()).isEqualTo(6);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Alert.Kind.LEDGER_BROKEN);
            assertThat(alert.sku()).isEqualTo("CP-1");
            assertThat(alert.incidentKey()).isEqualTo("LEDGER_BROKEN:CP-1");
        });
    }

    @Test
    void a_product_another_instance_is_auditing_is_left_to_it() {
        ledger.lines("CP-1", 5, 1).lines("CP-2", 5, 1);
        ledger.heldByAnotherInstance("CP-1");

        long checked = following.catchUp(100, PLENTY);

        assertThat(checked).isEqualTo(5);
        assertThat(ledger.checkpoint(AuditTrack.LIVE, "CP-1")).isNull();
    }

    @Test
    void a_replay_checks_every_kept_line_in_turns_and_carries_on_where_it_stopped() {
        ledger.lines("CP-1", 2_000, 1).lines("CP-2", 3_000, 1);
        var replaying = new ReplayingTheLedger(ledger, following, NO_TRANSACTION, clock);
        replaying.start();
        ledger.lines("CP-1", 500, 1);

        long firstTurn = replaying.step(1_000, Duration.ZERO);
        var restarted = new ReplayingTheLedger(ledger, following, NO_TRANSACTION, clock);
        long rest = 0;
        for (int turn = 0; turn < 10 && restarted.status().orElseThrow().running(); turn++) {
            rest += restarted.step(1_000, PLENTY);
        }

        assertThat(firstTurn).as("a turn with no time left still checks one chunk").isEqualTo(1_000);
        assertThat(firstTurn + rest).as("every line up to the newest at the start, once").isEqualTo(5_000);
        assertThat(restarted.status()).hasValueSatisfying(r -> assertThat(r.running()).isFalse());
        assertThat(ledger.checkpoint(AuditTrack.REPLAY, "CP-1").balance()).isEqualTo(2_000);
    }
}
