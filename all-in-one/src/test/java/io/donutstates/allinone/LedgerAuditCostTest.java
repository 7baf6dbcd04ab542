package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.alerting.Alerts;
import io.donutstates.audit.FollowingTheLedger;
import io.donutstates.audit.JdbcLedgerAudits;
import io.donutstates.shared.Database;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.stock.JdbcStockAudit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The audit's work does not grow with history: the rows the database reads to answer the audit (and
 * so health and {@code /api/admin/invariants}) are the same with 2,000 ledger lines as with 200,000 more,
 * and the background audit reads only the lines after its checkpoint. Counted with the server's own
 * handler counters on one connection, not timed.
 */
class LedgerAuditCostTest {

    private static final String SKU = "CP-502101";
    private static final String OTHER = "CP-502102";
    private static final Alerts NO_ALERTS = alert -> {
        throw new AssertionError("no alert expected: " + alert);
    };

    private static Connection connection;
    private static SingleConnectionDataSource database;
    private static JdbcClient jdbc;

    @BeforeAll
    static void openDatabase() throws SQLException {
        String url = SharedMariaDb.freshDatabaseUrl();
        try (var pool = Database.open(new Database.Settings(url, SharedMariaDb.USER, SharedMariaDb.password(), 2, Duration.ofSeconds(10)))) {
            Database.migrate(pool, true);
        }
        database = new SingleConnectionDataSource(url, SharedMariaDb.USER, SharedMariaDb.password(), true);
        connection = database.getConnection();
        jdbc = JdbcClient.create(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.destroy();
    }

    @Test
    void the_audit_reads_as_many_rows_with_a_long_history_as_with_a_short_one() {
        var audit = new JdbcStockAudit(database);
        var following = new FollowingTheLedger(new JdbcLedgerAudits(database), NO_ALERTS,
                new SpringJdbcTransactions(database), Clock.systemUTC());
        appendSales(2_000);
        following.catchUp(5_000, Duration.ofMinutes(1));
        audit.audit(); // the first statement on a connection opens the tables, which reads a few rows more
        long shortHistory = rowsReadBy(() -> assertThat(audit.audit().holds()).isTrue());

        appendSales(200_000);
        long catchingUp = rowsReadBy(() -> following.catchUp(5_000, Duration.ofMinutes(1)));
        long longHistory = rowsReadBy(() -> assertThat(audit.audit().holds()).isTrue());
        appendSales(10);
        appendSales(OTHER, 200_000);
        following.catchUp(5_000, Duration.ofMinutes(1));
        appendSales(10);
        long tenMoreLines = rowsReadBy(() -> following.catchUp(5_000, Duration.ofMinutes(1)));

        assertThat(longHistory).as("rows read by the audit after 200,000 more lines").isEqualTo(shortHistory)
                .isLessThan(100);
        assertThat(catchingUp).as("catching up reads each new line about once").isBetween(200_000L, 201_000L);
        assertThat(tenMoreLines).as("a turn after another product's 200,000 lines reads only the ten new lines")
                .isLessThan(100);
    }

    /** Appends sales of one donut that follow from the shelf, with the shelf taken down to match, in bulk. */
    private static void appendSales(int count) {
        appendSales(SKU, count);
    }

    private static void appendSales(String sku, int count) {
        jdbc.sql("UPDATE product_slot SET stock = stock + ? WHERE sku = ? AND slot = 0").params(count, sku).update();
        jdbc.sql("""
                        INSERT INTO stock_movement (sku, change_qty, balance_after, reason, reference, moved_at)
                        SELECT ?, ?, ?, 'DELIVERY', 'replenishment:bulk', UTC_TIMESTAMP(3)
                        """).params(sku, count, stock(sku)).update();
        jdbc.sql("""
                        INSERT INTO stock_movement (sku, change_qty, balance_after, reason, reference, moved_at)
                        SELECT ?, -1, ? - seq, 'SALE', CONCAT('sale:bulk-', seq), UTC_TIMESTAMP(3)
                        FROM seq_1_to_%d ORDER BY seq
                        """.formatted(count)).params(sku, stock(sku)).update();
        jdbc.sql("UPDATE product_slot SET stock = stock - ? WHERE sku = ? AND slot = 0").params(count, sku).update();
    }

    private static int stock(String sku) {
        return jdbc.sql("SELECT stock FROM product_slot WHERE sku = ? AND slot = 0").param(sku).query(Integer.class).single();
    }

    /** Rows the server read (every Handler_read_* counter) on this connection while the work ran. */
    private static long rowsReadBy(Runnable work) {
        long before = handlerReads();
        work.run();
        return handlerReads() - before;
    }

    private static long handlerReads() {
        return jdbc.sql("SHOW SESSION STATUS LIKE 'Handler_read%'")
                .query((rs, row) -> rs.getLong(2)).list().stream().mapToLong(Long::longValue).sum();
    }
}

