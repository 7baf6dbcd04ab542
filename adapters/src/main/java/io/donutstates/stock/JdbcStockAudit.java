package io.donutstates.stock;

import io.donutstates.shared.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the warehouse against its ledger at a bounded cost, whatever the history: every slot's
 * stock equals the balance its newest ledger line claims (two index look-ups per slot, read in one
 * consistent statement), and the background audit, which follows every line from a checkpoint,
 * found no line whose balance does not follow from the one before or goes below zero. The look-ups
 * are pinned to the {@code (sku, slot, id)} index, as every per-product ledger read is (see
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
        record SlotAudit(String sku, int slot, int stock, long ledgerBalance, long newestLine, long auditedThrough,
                         Instant auditedAt, String problem) { }
        List<SlotAudit> slots = jdbc.sql("""
                        SELECT p.sku, COALESCE(s.slot, 0) AS slot, COALESCE(s.stock, 0) AS stock,
                               (SELECT m.balance_after FROM stock_movement m FORCE INDEX (stock_movement_by_slot)
                                WHERE m.sku = p.sku AND m.slot = COALESCE(s.slot, 0)
                                ORDER BY m.id DESC LIMIT 1) AS ledger_balance,
                               (SELECT m.id FROM stock_movement m FORCE INDEX (stock_movement_by_slot)
                                WHERE m.sku = p.sku AND m.slot = COALESCE(s.slot, 0)
                                ORDER BY m.id DESC LIMIT 1) AS newest_line,
                               live.movement_id AS audited_through, live.checked_at AS audited_at,
                               COALESCE(CONCAT('line ', live.problem_at, ': ', live.problem),
                                        CONCAT('line ', replay.problem_at, ': ', replay.problem, ' (replay)')) AS problem
                        FROM product p
                        LEFT JOIN product_slot s ON s.sku = p.sku
                        LEFT JOIN ledger_checkpoint live
                          ON live.track = 'LIVE' AND live.sku = p.sku AND live.slot = COALESCE(s.slot, 0)
                        LEFT JOIN ledger_checkpoint replay
                          ON replay.track = 'REPLAY' AND replay.sku = p.sku AND replay.slot = COALESCE(s.slot, 0)
                        ORDER BY p.sku, slot
                        """)
                .query((rs, row) -> new SlotAudit(rs.getString("sku"), rs.getInt("slot"), rs.getInt("stock"),
                        rs.getLong("ledger_balance"), rs.getLong("newest_line"), rs.getLong("audited_through"),
                        SqlTime.read(rs, "audited_at"), rs.getString("problem")))
                .list();
        // A product's books hold when every slot's stock is what its newest line says and no slot's
        // lines broke the chain.
        List<ProductAudit> products = new ArrayList<>();
        Map<String, List<SlotAudit>> bySku = new LinkedHashMap<>();
        slots.forEach(slot -> bySku.computeIfAbsent(slot.sku(), k -> new ArrayList<>()).add(slot));
        bySku.forEach((sku, its) -> {
            int stock = its.stream().mapToInt(SlotAudit::stock).sum();
            long balance = its.stream().mapToLong(SlotAudit::ledgerBalance).sum();
            long newest = its.stream().mapToLong(SlotAudit::newestLine).max().orElse(0);
            long through = its.stream().allMatch(s -> s.auditedThrough() >= s.newestLine()) ? newest
                    : its.stream().filter(s -> s.auditedThrough() < s.newestLine())
                            .mapToLong(SlotAudit::auditedThrough).min().orElse(0);
            Instant at = its.stream().map(SlotAudit::auditedAt).filter(java.util.Objects::nonNull)
                    .min(Instant::compareTo).orElse(null);
            String problem = its.stream().map(s -> s.problem() != null ? slotted(s.slot(), its.size(), s.problem())
                            : s.stock() != s.ledgerBalance()
                            ? slotted(s.slot(), its.size(), "stock " + s.stock() + ", but the newest line says "
                                    + s.ledgerBalance())
                            : null)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            products.add(new ProductAudit(sku, stock, balance, newest, through, at, problem));
        });
        return new Report(products.stream().allMatch(ProductAudit::holds), products, replay());
    }

    private static String slotted(int slot, int slots, String problem) {
        return slots == 1 ? problem : "slot " + slot + ": " + problem;
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
