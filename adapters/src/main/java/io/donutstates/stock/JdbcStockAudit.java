package io.donutstates.stock;

import io.donutstates.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the warehouse against its ledger at a bounded cost, whatever the history: every product's
 * stock equals the balance its newest ledger line claims (two index look-ups per product, read in one
 * consistent statement), and the background audit, which follows every line from a checkpoint,
 * found no line whose balance does not follow from the one before or goes below zero. The look-ups
 * are pinned to the {@code (sku, id)} index, as every per-product ledger read is (see
 * {@code JdbcLedgerAudits.linesAfter}).
 */
public class JdbcStockAudit {

    /** What the audit found for one product. */
    public record ProductAudit(String sku, int stock, long ledgerBalance, long newestLine, long auditedThrough,
                               Instant auditedAt, String problem) {
        public boolean holds() {
            return stock >= 0 && stock == ledgerBalance && problem == null;
        }

        /** Whether the background audit has followed every line written so far. */
        public boolean caughtUp() {
            return auditedThrough >= newestLine;
        }
    }

    /** The full replay an operator asked for: through which line, how many lines it checked, whether done. */
    public record ReplayProgress(String status, long throughLine, long checked, long aboutTotal, Instant startedAt,
                                 Instant finishedAt) { }

    /** The audit of the whole warehouse. */
    public record Report(boolean holds, List<ProductAudit> products, ReplayProgress replay) { }

    private final JdbcClient jdbc;

    public JdbcStockAudit(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public Report audit() {
        List<ProductAudit> products = jdbc.sql("""
                        SELECT p.sku, p.stock,
                               (SELECT m.balance_after FROM stock_movement m FORCE INDEX (stock_movement_by_sku) WHERE m.sku = p.sku
                                ORDER BY m.id DESC LIMIT 1) AS ledger_balance,
                               (SELECT m.id FROM stock_movement m FORCE INDEX (stock_movement_by_sku) WHERE m.sku = p.sku
                                ORDER BY m.id DESC LIMIT 1) AS newest_line,
                               live.movement_id AS audited_through, live.checked_at AS audited_at,
                               COALESCE(CONCAT('line ', live.problem_at, ': ', live.problem),
                                        CONCAT('line ', replay.problem_at, ': ', replay.problem, ' (replay)')) AS problem
                        FROM product p
                        LEFT JOIN ledger_checkpoint live ON live.track = 'LIVE' AND live.sku = p.sku
                        LEFT JOIN ledger_checkpoint replay ON replay.track = 'REPLAY' AND replay.sku = p.sku
                        ORDER BY p.sku
                        """)
                .query((rs, row) -> new ProductAudit(rs.getString("sku"), rs.getInt("stock"),
                        rs.getLong("ledger_balance"), rs.getLong("newest_line"), rs.getLong("audited_through"),
                        SqlTime.read(rs, "audited_at"), rs.getString("problem")))
                .list();
        return new Report(products.stream().allMatch(ProductAudit::holds), products, replay());
    }

    /** The operator's replay, or null if none was ever asked for. */
    public ReplayProgress replay() {
        return jdbc.sql("""
                        SELECT r.status, r.target_id, r.started_at, r.finished_at,
                               (SELECT COALESCE(SUM(c.checked), 0) FROM ledger_checkpoint c
                                WHERE c.track = 'REPLAY') AS checked,
                               r.target_id - COALESCE((SELECT MIN(m.id) FROM stock_movement m), r.target_id) + 1
                                 AS about_total
                        FROM ledger_replay r WHERE r.id = 1
                        """)
                .query((rs, row) -> new ReplayProgress(rs.getString("status"), rs.getLong("target_id"),
                        rs.getLong("checked"), Math.max(0, rs.getLong("about_total")),
                        SqlTime.read(rs, "started_at"), SqlTime.read(rs, "finished_at")))
                .optional().orElse(null);
    }
}
