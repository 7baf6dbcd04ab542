package io.donutstates.audit;

import io.donutstates.shared.SqlTime;
import io.donutstates.stock.Sku;
import io.donutstates.stock.StockSlot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit's checkpoints and reads in MySQL/MariaDB. Every read is bounded: a product's lines are
 * read slot by slot through the {@code (sku, slot, id)} index from its checkpoint, a chunk at a time; checkpoints are
 * held with {@code FOR UPDATE SKIP LOCKED}, so instances auditing at once share the products.
 */
public class JdbcLedgerAudits implements LedgerAudits, LedgerReplays {

    private static final int REPLAY = 1;

    private final JdbcClient jdbc;

    public JdbcLedgerAudits(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<StockSlot> slots() {
        return jdbc.sql("""
                        SELECT p.sku, COALESCE(s.slot, 0) AS slot
                        FROM product p LEFT JOIN product_slot s ON s.sku = p.sku ORDER BY p.sku, slot
                        """)
                .query((rs, row) -> new StockSlot(new Sku(rs.getString(1)), rs.getInt(2))).list();
    }

    @Override
    public Optional<Checkpoint> hold(AuditTrack track, StockSlot slot, Instant now) {
        var held = lockedCheckpoint(track, slot);
        if (held.isPresent() || exists(track, slot)) {
            return held;
        }
        var opening = jdbc.sql("SELECT movement_id, balance FROM ledger_opening WHERE sku = :sku AND slot = :slot")
                .param("sku", slot.sku().value()).param("slot", slot.slot())
                .query((rs, row) -> Checkpoint.opening(slot, rs.getLong(1), rs.getLong(2), now))
                .optional().orElse(Checkpoint.opening(slot, 0, 0, now));
        jdbc.sql("""
                        INSERT IGNORE INTO ledger_checkpoint (track, sku, slot, movement_id, balance, checked, checked_at)
                        VALUES (:track, :sku, :slot, :movement, :balance, 0, :at)
                        """)
                .param("track", track.name()).param("sku", slot.sku().value()).param("slot", slot.slot())
                .param("movement", opening.movementId()).param("balance", opening.balance())
                .param("at", SqlTime.utc(now)).update();
        return lockedCheckpoint(track, slot);
    }

    private Optional<Checkpoint> lockedCheckpoint(AuditTrack track, StockSlot slot) {
        return jdbc.sql("""
                        SELECT sku, slot, movement_id, balance, checked, checked_at, problem_at, problem
                        FROM ledger_checkpoint WHERE track = :track AND sku = :sku AND slot = :slot
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("track", track.name()).param("sku", slot.sku().value()).param("slot", slot.slot())
                .query(JdbcLedgerAudits::checkpoint).optional();
    }

    private boolean exists(AuditTrack track, StockSlot slot) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_checkpoint WHERE track = :track AND sku = :sku AND slot = :slot")
                .param("track", track.name()).param("sku", slot.sku().value()).param("slot", slot.slot())
                .query(Integer.class).single() > 0;
    }

    /**
     * Pinned to the {@code (sku, slot, id)} index: with 22 million lines the optimizer once chose the
     * primary key for {@code ORDER BY id LIMIT}, reading every product's lines after the checkpoint
     * (2,128 ms for a chunk of 5,000, against 21 ms through the index).
     */
    @Override
    public List<LedgerLine> linesAfter(StockSlot slot, long movementId, long throughId, int limit) {
        return jdbc.sql("""
                        SELECT id, change_qty, balance_after FROM stock_movement FORCE INDEX (stock_movement_by_slot)
                        WHERE sku = :sku AND slot = :slot AND id > :after AND id <= :through
                        ORDER BY id LIMIT :limit
                        """)
                .param("sku", slot.sku().value()).param("slot", slot.slot()).param("after", movementId)
                .param("through", throughId).param("limit", limit)
                .query((rs, row) -> new LedgerLine(rs.getLong(1), rs.getInt(2), rs.getLong(3)))
                .list();
    }

    @Override
    public void save(AuditTrack track, Checkpoint checkpoint) {
        jdbc.sql("""
                        UPDATE ledger_checkpoint
                        SET movement_id = :movement, balance = :balance, checked = :checked, checked_at = :at,
                            problem_at = :problemAt, problem = :problem
                        WHERE track = :track AND sku = :sku AND slot = :slot
                        """)
                .param("movement", checkpoint.movementId()).param("balance", checkpoint.balance())
                .param("checked", checkpoint.checked()).param("at", SqlTime.utc(checkpoint.checkedAt()))
                .param("problemAt", checkpoint.problem().map(Checkpoint.Problem::movementId).orElse(null))
                .param("problem", checkpoint.problem().map(p -> truncate(p.what())).orElse(null))
                .param("track", track.name()).param("sku", checkpoint.slot().sku().value())
                .param("slot", checkpoint.slot().slot())
                .update();
    }

    @Override
    public long newestLine() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM stock_movement").query(Long.class).single();
    }

    @Override
    public Optional<Replay> replay() {
        return jdbc.sql("SELECT status, target_id, started_at, finished_at FROM ledger_replay WHERE id = :id")
                .param("id", REPLAY)
                .query((rs, row) -> new Replay("RUNNING".equals(rs.getString(1)), rs.getLong(2),
                        SqlTime.read(rs, "started_at"), Optional.ofNullable(SqlTime.read(rs, "finished_at"))))
                .optional();
    }

    @Override
    public void startReplay(long throughId, Instant now) {
        jdbc.sql("DELETE FROM ledger_checkpoint WHERE track = :track").param("track", AuditTrack.REPLAY.name()).update();
        jdbc.sql("""
                        INSERT INTO ledger_replay (id, status, started_at, target_id) VALUES (:id, 'RUNNING', :at, :through)
                        ON DUPLICATE KEY UPDATE status = 'RUNNING', started_at = :at, target_id = :through,
                                                finished_at = NULL, lease_until = NULL
                        """)
                .param("id", REPLAY).param("at", SqlTime.utc(now)).param("through", throughId).update();
    }

    @Override
    public boolean claimReplay(Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE ledger_replay SET lease_until = :until
                        WHERE id = :id AND status = 'RUNNING' AND (lease_until IS NULL OR lease_until <= :now)
                        """)
                .param("until", SqlTime.utc(until)).param("id", REPLAY).param("now", SqlTime.utc(now))
                .update() == 1;
    }

    @Override
    public void finishReplay(Instant now) {
        jdbc.sql("""
                        UPDATE ledger_replay SET status = 'DONE', finished_at = :at, lease_until = NULL
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .param("at", SqlTime.utc(now)).param("id", REPLAY).update();
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        long problemAt = rs.getLong("problem_at");
        Optional<Checkpoint.Problem> problem = rs.wasNull() ? Optional.empty()
                : Optional.of(new Checkpoint.Problem(problemAt, rs.getString("problem")));
        return new Checkpoint(new StockSlot(new Sku(rs.getString("sku")), rs.getInt("slot")), rs.getLong("movement_id"), rs.getLong("balance"),
                rs.getLong("checked"), SqlTime.read(rs, "checked_at"), problem);
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
