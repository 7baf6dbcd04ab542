package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.alerting.Alerts;
import io.donutstates.audit.ArchivingTheLedger;
import io.donutstates.audit.FollowingTheLedger;
import io.donutstates.audit.JdbcLedgerArchive;
import io.donutstates.audit.JdbcLedgerAudits;
import io.donutstates.audit.ReplayingTheLedger;
import io.donutstates.shared.Database;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.stock.JdbcStockAudit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Archiving old books keeps the audit whole: only audited lines older than the cut leave, each
 * product keeps its newest line, its opening moves past what left, and both the live audit and a
 * full replay still add up afterwards.
 */
class LedgerArchiveTest {

    private static final String SKU = "CP-502102";
    private static final Alerts NO_ALERTS = alert -> {
        throw new AssertionError("no alert expected: " + alert);
    };
    private static final Duration PLENTY = Duration.ofMinutes(1);

    private static com.zaxxer.hikari.HikariDataSource database;
    private static JdbcClient jdbc;
    private static FollowingTheLedger following;
    private static ArchivingTheLedger archiving;
    private static ReplayingTheLedger replaying;
    private static JdbcStockAudit audit;

    @BeforeAll
    static void openDatabase() {
        database = Database.open(new Database.Settings(SharedMariaDb.freshDatabaseUrl(), SharedMariaDb.USER, SharedMariaDb.password(), 4,
                Duration.ofSeconds(10)));
        Database.migrate(database, true);
        jdbc = JdbcClient.create(database);
        // The demo catalog's opening lines, as if the shop had opened two months ago.
        jdbc.sql("UPDATE stock_movement SET moved_at = UTC_TIMESTAMP(3) - INTERVAL 50 DAY").update();
        var transactions = new SpringJdbcTransactions(database);
        var audits = new JdbcLedgerAudits(database);
        following = new FollowingTheLedger(audits, NO_ALERTS, transactions, Clock.systemUTC());
        archiving = new ArchivingTheLedger(audits, new JdbcLedgerArchive(database), transactions, Clock.systemUTC());
        replaying = new ReplayingTheLedger(audits, following, transactions, Clock.systemUTC());
        audit = new JdbcStockAudit(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void old_audited_books_leave_and_the_audit_still_adds_up() {
        Instant now = Instant.now();
        int oldSales = 300;
        appendSales(oldSales, now.minus(40, ChronoUnit.DAYS));
        following.catchUp(100, PLENTY);
        appendSales(7, now.minus(2, ChronoUnit.HOURS));     // young: stays
        long salesBefore = count("SELECT COUNT(*) FROM sale WHERE sku = ?");

        archiving.ask(now.minus(30, ChronoUnit.DAYS));
        while (archiving.status().orElseThrow().running()) {
            archiving.step(50, PLENTY);
        }

        var request = archiving.status().orElseThrow();
        assertThat(request.linesRemoved()).as("the opening line, the old delivery and the old sales' lines")
                .isEqualTo(1 + 1 + oldSales);
        assertThat(request.salesRemoved()).isEqualTo(oldSales);
        assertThat(count("SELECT COUNT(*) FROM sale WHERE sku = ?")).isEqualTo(salesBefore - oldSales);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku = ? AND moved_at < UTC_TIMESTAMP() - INTERVAL 30 DAY"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku = ?")).as("the young delivery and sales")
                .isEqualTo(1 + 7);
        following.catchUp(100, PLENTY);
        assertThat(audit.audit().holds()).isTrue();
        appendSales(3, now);
        following.catchUp(100, PLENTY);
        assertThat(audit.audit().holds()).as("the live audit carries on past the archive").isTrue();

        replaying.start();
        while (replaying.status().orElseThrow().running()) {
            replaying.step(50, PLENTY);
        }
        var afterReplay = audit.audit();
        assertThat(afterReplay.holds()).as("a full replay from the new opening: %s", afterReplay).isTrue();
    }

    @Test
    void lines_the_audit_has_not_followed_and_a_products_newest_line_never_leave() {
        String sku = "CP-502104";
        appendLines(sku, 20, Instant.now().minus(60, ChronoUnit.DAYS));   // not followed by the live audit yet
        long lines = jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = ?").param(sku).query(Long.class).single();

        archiving.ask(Instant.now().minus(2, ChronoUnit.DAYS));
        while (archiving.status().orElseThrow().running()) {
            archiving.step(50, PLENTY);
        }
        long unfollowedKept = jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = ?").param(sku)
                .query(Long.class).single();

        assertThat(unfollowedKept).isGreaterThanOrEqualTo(20).isLessThanOrEqualTo(lines);
        following.catchUp(100, PLENTY);
        archiving.ask(Instant.now().minus(2, ChronoUnit.DAYS));
        while (archiving.status().orElseThrow().running()) {
            archiving.step(50, PLENTY);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = ?").param(sku).query(Long.class).single())
                .as("only the newest line stays").isEqualTo(1);
        assertThat(audit.audit().holds()).isTrue();
    }

    @Test
    void books_younger_than_a_day_cannot_be_archived() {
        assertThatThrownBy(() -> archiving.ask(Instant.now().minus(2, ChronoUnit.HOURS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("older than a day");
    }

    /** Sales of one donut at the given time, with their ledger lines, after a delivery that covers them. */
    private static void appendSales(int count, Instant at) {
        appendLines(SKU, count, at);
        jdbc.sql("INSERT INTO sale (sku, quantity, sold_at) SELECT ?, 1, ? FROM seq_1_to_%d".formatted(count))
                .params(SKU, java.sql.Timestamp.from(at)).update();
    }

    private static void appendLines(String sku, int sales, Instant at) {
        int stock = jdbc.sql("SELECT SUM(stock) FROM product_slot WHERE sku = ?").param(sku).query(Integer.class).single();
        var when = java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO stock_movement (sku, change_qty, balance_after, reason, reference, moved_at)
                        VALUES (?, ?, ?, 'DELIVERY', 'replenishment:old', ?)
                        """).params(sku, sales, stock + sales, when).update();
        jdbc.sql("""
                        INSERT INTO stock_movement (sku, change_qty, balance_after, reason, reference, moved_at)
                        SELECT ?, -1, ? - seq, 'SALE', CONCAT('sale:old-', seq), ? FROM seq_1_to_%d ORDER BY seq
                        """.formatted(sales)).params(sku, stock + sales, when).update();
    }

    private static long count(String sql) {
        return jdbc.sql(sql).param(SKU).query(Long.class).single();
    }
}
