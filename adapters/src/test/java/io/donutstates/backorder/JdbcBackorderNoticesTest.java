package io.donutstates.backorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.housekeeping.JdbcPurgeableTables;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.shared.TestDatabase;
import io.donutstates.stock.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice outbox against a real MariaDB: a batch held for a relay that posts outside its
 * transaction, a notice given up (ended, but not as taken), and ended notices purged.
 */
class JdbcBackorderNoticesTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private static HikariDataSource database;
    private static JdbcBackorderNotices notices;
    private static SpringJdbcTransactions transactions;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.fresh();
        notices = new JdbcBackorderNotices(database);
        transactions = new SpringJdbcTransactions(database);
    }

    @BeforeEach
    void empty() {
        JdbcClient.create(database).sql("DELETE FROM backorder_notice").update();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void a_held_batch_is_not_due_for_any_relay_until_its_lease_ends() {
        notices.append(aNotice());
        List<Long> held = transactions.inTransaction(() -> {
            var due = notices.lockDue(T0, 10).stream().map(e -> e.id()).toList();
            notices.holdUntil(due, T0.plusSeconds(60));
            return due;
        });

        assertThat(held).hasSize(1);
        assertThat(notices.lockDue(T0.plusSeconds(59), 10)).as("held").isEmpty();
        assertThat(notices.lockDue(T0.plusSeconds(60), 10)).as("due again when the lease ends").hasSize(1);
        assertThat(notices.pendingCount()).isEqualTo(1);
    }

    @Test
    void a_notice_given_up_is_ended_and_told_apart_from_one_taken() {
        notices.append(aNotice());
        notices.append(aNotice());
        var due = notices.lockDue(T0, 10);
        notices.markGivenUp(due.get(0).id(), "IllegalStateException: http://buyer.example/hook answered 500",
                T0.plus(Duration.ofHours(24)));
        notices.markPublished(due.get(1).id(), T0.plusSeconds(1));

        assertThat(notices.pendingCount()).isZero();
        assertThat(notices.lockDue(T0.plus(Duration.ofDays(2)), 10)).isEmpty();
        var ends = JdbcClient.create(database)
                .sql("SELECT CONCAT(id, ':', given_up_at IS NOT NULL, ':', COALESCE(last_error, '')) FROM backorder_notice ORDER BY id")
                .query(String.class).list();
        assertThat(ends).containsExactly(due.get(0).id() + ":1:IllegalStateException: http://buyer.example/hook answered 500",
                due.get(1).id() + ":0:");
    }

    @Test
    void ended_notices_are_purged_after_the_retention_and_waiting_ones_never() {
        for (int i = 0; i < 3; i++) {
            notices.append(aNotice());
        }
        var due = notices.lockDue(T0, 10);
        notices.markPublished(due.get(0).id(), T0);
        notices.markGivenUp(due.get(1).id(), "gone", T0);
        var purging = new JdbcPurgeableTables(database);

        var batch = transactions.inTransaction(() -> purging.deleteEndedNotices(T0.plusSeconds(1), 2));

        assertThat(batch.removed()).isEqualTo(2);
        assertThat(notices.pendingCount()).as("the waiting notice stays").isEqualTo(1);
        assertThat(transactions.inTransaction(() -> purging.deleteEndedNotices(T0.plusSeconds(1), 2)).removed())
                .isZero();
    }

    private static BackorderNotice aNotice() {
        return new BackorderNotice(UUID.randomUUID(), BackorderId.random(), Sku.of("CP-502101"), 1, 1,
                BackorderStatus.FULFILLED, 1L, "http://buyer.example/hook", BackorderSecret.hash("s"), T0);
    }
}
