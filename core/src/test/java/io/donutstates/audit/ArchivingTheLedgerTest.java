package io.donutstates.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.alerting.InMemoryAlerts;
import io.donutstates.shared.InMemoryTransactions;
import io.donutstates.shared.TestClock;
import io.donutstates.stock.Sku;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Old books leave only as far as the live audit has checked them, and what stays still adds up from its opening. */
class ArchivingTheLedgerTest {

    private static final Duration PLENTY = Duration.ofMinutes(1);

    private final TestClock clock = new TestClock();
    private final Instant lastMonth = clock.instant().minus(Duration.ofDays(30));
    private final Instant lastWeek = clock.instant().minus(Duration.ofDays(7));
    private final InMemoryLedgerAudits ledger = new InMemoryLedgerAudits().writtenAt(lastMonth);
    private final InMemoryLedgerArchive archive = new InMemoryLedgerArchive(ledger);
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final FollowingTheLedger following = new FollowingTheLedger(ledger, alerts, new InMemoryTransactions(), clock);
    private final ArchivingTheLedger archiving = new ArchivingTheLedger(ledger, archive, new InMemoryTransactions(), clock);

    @Test
    void only_what_the_live_audit_checked_leaves_and_a_replay_from_the_new_opening_still_adds_up() {
        ledger.line("CP-1", 100).lines("CP-1", 5, -1);
        following.catchUp(100, PLENTY);
        ledger.lines("CP-1", 3, -1);

        archiving.ask(lastWeek);
        long removed = archiving.step(100, PLENTY);

        assertThat(removed).isEqualTo(6);
        assertThat(ledger.kept(Sku.of("CP-1"))).hasSize(3);
        assertThat(ledger.opening(Sku.of("CP-1")).balanceAfter()).isEqualTo(95);
        assertThat(archiving.status()).hasValueSatisfying(r -> {
            assertThat(r.running()).isFalse();
            assertThat(r.linesRemoved()).isEqualTo(6);
            assertThat(r.finishedAt()).contains(clock.instant());
        });

        var replaying = new ReplayingTheLedger(ledger, following, new InMemoryTransactions(), clock);
        replaying.start();
        assertThat(replaying.step(100, PLENTY)).isEqualTo(3);
        assertThat(ledger.checkpoint(AuditTrack.REPLAY, "CP-1").balance()).isEqualTo(92);
        assertThat(ledger.checkpoint(AuditTrack.REPLAY, "CP-1").broken()).isFalse();
        assertThat(alerts.raised()).isEmpty();
    }

    @Test
    void a_product_keeps_its_newest_line_however_old() {
        ledger.lines("CP-1", 4, 1);
        following.catchUp(100, PLENTY);

        archiving.ask(lastWeek);
        archiving.step(100, PLENTY);

        assertThat(ledger.kept(Sku.of("CP-1"))).singleElement().satisfies(l -> assertThat(l.balanceAfter()).isEqualTo(4));
    }

    @Test
    void lines_younger_than_asked_stay() {
        ledger.lines("CP-1", 2, 1).writtenAt(lastWeek.plusSeconds(1)).lines("CP-1", 3, 1);
        following.catchUp(100, PLENTY);

        archiving.ask(lastWeek);
        archiving.step(100, PLENTY);

        assertThat(ledger.kept(Sku.of("CP-1"))).hasSize(3);
    }

    @Test
    void a_ledger_the_audit_could_not_explain_is_not_archived() {
        ledger.lines("CP-1", 3, 1).forgedLine("CP-1", 1, 99).lines("CP-1", 2, 1);
        following.catchUp(100, PLENTY);

        archiving.ask(lastWeek);

        assertThat(archiving.step(100, PLENTY)).isZero();
        assertThat(ledger.kept(Sku.of("CP-1"))).hasSize(6);
    }

    @Test
    void old_sales_leave_in_chunks_and_recent_ones_stay() {
        ledger.lines("CP-1", 2, 1);
        archive.sales("CP-1", 5, lastMonth).sales("CP-1", 2, clock.instant().minusSeconds(60));

        archiving.ask(lastWeek);
        archiving.step(2, PLENTY);

        assertThat(archive.salesKept("CP-1")).isEqualTo(2);
        assertThat(archiving.status().orElseThrow().salesRemoved()).isEqualTo(5);
    }

    @Test
    void nothing_younger_than_a_day_may_be_archived_and_one_archive_runs_at_a_time() {
        assertThatThrownBy(() -> archiving.ask(clock.instant().minus(Duration.ofHours(23))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("older than a day");

        archiving.ask(clock.instant().minus(ArchivingTheLedger.YOUNGEST));

        assertThatThrownBy(() -> archiving.ask(lastWeek)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still running");
    }

    @Test
    void while_another_instance_has_the_turn_this_one_removes_nothing() {
        ledger.lines("CP-1", 4, 1);
        following.catchUp(100, PLENTY);
        archiving.ask(lastWeek);
        archive.turnTakenUntil(clock.instant().plusSeconds(30));

        assertThat(archiving.step(100, PLENTY)).isZero();
        assertThat(ledger.kept(Sku.of("CP-1"))).hasSize(4);

        clock.advance(Duration.ofSeconds(31));
        assertThat(archiving.step(100, PLENTY)).isEqualTo(3);
    }
}
