package io.donutstates.audit;

import io.donutstates.shared.SqlTime;
import io.donutstates.stock.Sku;
import io.donutstates.stock.StockSlot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive in MySQL/MariaDB: a product's oldest lines and sales are found and removed through the
 * {@code (sku, id)} indexes a chunk at a time, oldest first (ids grow with time), so each step is a
 * short transaction whatever the history.
 */
public class JdbcLedgerArchive implements LedgerArchive {

    private static final int ARCHIVE = 1;

    private final JdbcClient jdbc;

    public JdbcLedgerArchive(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<LedgerLine> lastArchivable(StockSlot slot, Instant before, long throughId, int limit) {
        long opening = jdbc.sql("SELECT COALESCE(MAX(movement_id), 0) FROM ledger_opening WHERE sku = :sku AND slot = :slot")
                .param("sku", slot.sku().value()).param("slot", slot.slot()).query(Long.class).single();
        long newest = jdbc.sql("""
                        SELECT COALESCE(MAX(id), 0) FROM stock_movement FORCE INDEX (stock_movement_by_slot)
                        WHERE sku = :sku AND slot = :slot
                        """)
                .param("sku", slot.sku().value()).param("slot", slot.slot()).query(Long.class).single();
        List<Object[]> oldest = jdbc.sql("""
                        SELECT id, change_qty, balance_after, moved_at
                        FROM stock_movement FORCE INDEX (stock_movement_by_slot)
                        WHERE sku = :sku AND slot = :slot AND id > :opening AND id <= :through AND id < :newest
                        ORDER BY id LIMIT :limit
                        """)
                .param("sku", slot.sku().value()).param("slot", slot.slot()).param("opening", opening)
                .param("through", throughId).param("newest", newest).param("limit", limit)
                .query((rs, row) -> new Object[] {
                        new LedgerLine(rs.getLong(1), rs.getInt(2), rs.getLong(3)), SqlTime.read(rs, "moved_at")})
                .list();
        LedgerLine last = null;
        for (Object[] line : oldest) {
            if (!((Instant) line[1]).isBefore(before)) {
                break;
            }
            last = (LedgerLine) line[0];
        }
        return Optional.ofNullable(last);
    }

    @Override
    public long removeThrough(StockSlot slot, LedgerLine line, Instant now) {
        long opening = jdbc.sql("SELECT COALESCE(MAX(movement_id), 0) FROM ledger_opening WHERE sku = :sku AND slot = :slot")
                .param("sku", slot.sku().value()).param("slot", slot.slot()).query(Long.class).single();
        long removed = jdbc.sql("""
                        DELETE FROM stock_movement WHERE sku = :sku AND slot = :slot AND id > :opening AND id <= :through
                        """)
                .param("sku", slot.sku().value()).param("slot", slot.slot()).param("opening", opening)
                .param("through", line.id()).update();
        jdbc.sql("""
                        INSERT INTO ledger_opening (sku, slot, movement_id, balance, archived_at)
                        VALUES (:sku, :slot, :movement, :balance, :at)
                        ON DUPLICATE KEY UPDATE movement_id = :movement, balance = :balance, archived_at = :at
                        """)
                .param("sku", slot.sku().value()).param("slot", slot.slot()).param("movement", line.id())
                .param("balance", line.balanceAfter()).param("at", SqlTime.utc(now)).update();
        // A replay still behind the new opening carries on from it: the live audit checked those lines.
        jdbc.sql("""
                        UPDATE ledger_checkpoint SET movement_id = :movement, balance = :balance
                        WHERE track = 'REPLAY' AND sku = :sku AND slot = :slot AND movement_id < :movement
                          AND problem IS NULL
                        """)
                .param("movement", line.id()).param("balance", line.balanceAfter()).param("sku", slot.sku().value())
                .param("slot", slot.slot()).update();
        return removed;
    }

    @Override
    public long removeSalesBefore(Sku sku, Instant before, int limit) {
        List<Object[]> oldest = jdbc.sql(
                        "SELECT id, sold_at FROM sale FORCE INDEX (sale_by_sku) WHERE sku = :sku ORDER BY id LIMIT :limit")
                .param("sku", sku.value()).param("limit", limit)
                .query((rs, row) -> new Object[] {rs.getLong(1), SqlTime.read(rs, "sold_at")}).list();
        Long last = null;
        for (Object[] sale : oldest) {
            if (!((Instant) sale[1]).isBefore(before)) {
                break;
            }
            last = (Long) sale[0];
        }
        if (last == null) {
            return 0;
        }
        // Bounded on both sides, so whichever index the server takes, it reads this chunk's span only.
        return jdbc.sql("DELETE FROM sale WHERE sku = :sku AND id >= :first AND id <= :last")
                .param("sku", sku.value()).param("first", oldest.get(0)[0]).param("last", last).update();
    }

    @Override
    public Optional<Request> request() {
        return jdbc.sql("""
                        SELECT archive_before, status, lines_removed, sales_removed, asked_at, finished_at
                        FROM ledger_archive WHERE id = :id
                        """)
                .param("id", ARCHIVE)
                .query((rs, row) -> new Request(SqlTime.read(rs, "archive_before"),
                        "RUNNING".equals(rs.getString("status")), rs.getLong("lines_removed"),
                        rs.getLong("sales_removed"), SqlTime.read(rs, "asked_at"),
                        Optional.ofNullable(SqlTime.read(rs, "finished_at"))))
                .optional();
    }

    @Override
    public void ask(Instant before, Instant now) {
        jdbc.sql("""
                        INSERT INTO ledger_archive (id, archive_before, status, asked_at)
                        VALUES (:id, :before, 'RUNNING', :at)
                        ON DUPLICATE KEY UPDATE archive_before = :before, status = 'RUNNING', lines_removed = 0,
                                                sales_removed = 0, asked_at = :at, finished_at = NULL,
                                                lease_until = NULL
                        """)
                .param("id", ARCHIVE).param("before", SqlTime.utc(before)).param("at", SqlTime.utc(now)).update();
    }

    @Override
    public boolean claim(Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE ledger_archive SET lease_until = :until
                        WHERE id = :id AND status = 'RUNNING' AND (lease_until IS NULL OR lease_until <= :now)
                        """)
                .param("until", SqlTime.utc(until)).param("id", ARCHIVE).param("now", SqlTime.utc(now))
                .update() == 1;
    }

    @Override
    public void record(long lines, long sales, boolean done, Instant now) {
        jdbc.sql("""
                        UPDATE ledger_archive
                        SET lines_removed = lines_removed + :lines, sales_removed = sales_removed + :sales,
                            status = IF(:done, 'DONE', status), finished_at = IF(:done, :at, finished_at),
                            lease_until = NULL
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .param("lines", lines).param("sales", sales).param("done", done).param("at", SqlTime.utc(now))
                .param("id", ARCHIVE).update();
    }
}
