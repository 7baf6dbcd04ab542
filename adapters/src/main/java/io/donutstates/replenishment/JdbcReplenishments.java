package io.donutstates.replenishment;

import io.donutstates.shared.SqlTime;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replenishments in MySQL/MariaDB, for the use cases and the views alike. Every status change is
 * one conditional UPDATE on the current status, so concurrent workers, sweeps and callbacks can
 * never move a replenishment twice; the statuses it may start from and the one it leads to are
 * bound from its {@link Transition}, so the SQL allows exactly what the lifecycle does.
 */
public class JdbcReplenishments implements Replenishments, ReplenishmentViews {

    private final JdbcClient jdbc;

    public JdbcReplenishments(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<Replenishment> find(ReplenishmentId id) {
        return jdbc.sql("SELECT * FROM replenishment WHERE id = :id")
                .param("id", id.toString()).query(JdbcReplenishments::replenishment).optional();
    }

    @Override
    public Optional<Replenishment> openFor(Sku sku) {
        return jdbc.sql("SELECT * FROM replenishment WHERE open_sku = :sku")
                .param("sku", sku.value()).query(JdbcReplenishments::replenishment).optional();
    }

    @Override
    public boolean open(Replenishment r) {
        return jdbc.sql("""
                        INSERT IGNORE INTO replenishment
                          (id, sku, factory_identifier, quantity, status, open_sku, requested_at)
                        VALUES (:id, :sku, :factory, :quantity, 'REQUESTED', :sku, :at)
                        """)
                .param("id", r.id().toString())
                .param("sku", r.sku().value())
                .param("factory", r.factoryId().value())
                .param("quantity", r.quantity().value())
                .param("at", SqlTime.utc(r.requestedAt()))
                .update() == 1;
    }

    @Override
    public List<Replenishment> list(Optional<Sku> sku, int limit) {
        var sql = sku.isPresent()
                ? "SELECT * FROM replenishment WHERE sku = :sku ORDER BY requested_at DESC, id DESC LIMIT :limit"
                : "SELECT * FROM replenishment ORDER BY requested_at DESC, id DESC LIMIT :limit";
        var statement = jdbc.sql(sql).param("limit", limit);
        if (sku.isPresent()) {
            statement = statement.param("sku", sku.get().value());
        }
        return statement.query(JdbcReplenishments::replenishment).list();
    }

    @Override
    public boolean claimForOrdering(ReplenishmentId id, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE replenishment
                        SET lease_until = :until, attempts = attempts + 1, last_attempt_at = :now
                        WHERE id = :id AND status IN (:from) AND (lease_until IS NULL OR lease_until < :now)
                        """)
                .param("from", Transition.ORDER.fromNames())
                .param("until", SqlTime.utc(leaseUntil)).param("now", SqlTime.utc(now)).param("id", id.toString())
                .update() == 1;
    }

    @Override
    public boolean markOrdered(ReplenishmentId id, Instant at) {
        return moving(Transition.ORDER, """
                        UPDATE replenishment SET status = :to, ordered_at = :at, lease_until = NULL,
                               last_error = NULL, factory_waiting_since = NULL
                        WHERE id = :id AND status IN (:from)
                        """)
                .param("at", SqlTime.utc(at)).param("id", id.toString()).update() == 1;
    }

    @Override
    public void releaseAfterFailure(ReplenishmentId id, String error, Instant at) {
        jdbc.sql("""
                        UPDATE replenishment SET lease_until = NULL, last_error = :error,
                               factory_waiting_since = COALESCE(factory_waiting_since, :at)
                        WHERE id = :id
                        """)
                .param("error", truncate(error)).param("at", SqlTime.utc(at)).param("id", id.toString()).update();
    }

    @Override
    public List<Replenishment> waitingForFactorySince(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT * FROM replenishment
                        WHERE status = 'REQUESTED' AND factory_waiting_since < :before
                        ORDER BY factory_waiting_since LIMIT :limit
                        """)
                .param("before", SqlTime.utc(before)).param("limit", limit)
                .query(JdbcReplenishments::replenishment).list();
    }

    @Override
    public boolean markFailed(ReplenishmentId id, String reason, Instant at) {
        return moving(Transition.FAIL, """
                        UPDATE replenishment SET status = :to, open_sku = NULL, lease_until = NULL,
                               failed_at = :at, last_error = COALESCE(last_error, :reason)
                        WHERE id = :id AND status IN (:from)
                        """)
                .param("at", SqlTime.utc(at)).param("reason", truncate(reason)).param("id", id.toString())
                .update() == 1;
    }

    @Override
    public boolean markDelivered(ReplenishmentId id, Quantity delivered, Instant at) {
        return moving(Transition.DELIVER, """
                        UPDATE replenishment SET status = :to, open_sku = NULL, lease_until = NULL,
                               delivered_quantity = :delivered, delivered_at = :at
                        WHERE id = :id AND status IN (:from)
                        """)
                .param("delivered", delivered.value()).param("at", SqlTime.utc(at)).param("id", id.toString())
                .update() == 1;
    }

    @Override
    public List<Replenishment> orderedBefore(Instant deadline, int limit) {
        return jdbc.sql("""
                        SELECT * FROM replenishment WHERE status = 'ORDERED' AND ordered_at < :deadline
                        ORDER BY ordered_at LIMIT :limit
                        """)
                .param("deadline", SqlTime.utc(deadline)).param("limit", limit)
                .query(JdbcReplenishments::replenishment).list();
    }

    @Override
    public List<Replenishment> requestedIdleSince(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT * FROM replenishment
                        WHERE status = 'REQUESTED' AND COALESCE(last_attempt_at, requested_at) < :since
                          AND (lease_until IS NULL OR lease_until < :since)
                        ORDER BY requested_at LIMIT :limit
                        """)
                .param("since", SqlTime.utc(since)).param("limit", limit)
                .query(JdbcReplenishments::replenishment).list();
    }

    @Override
    public boolean reorder(ReplenishmentId id, Instant at) {
        return moving(Transition.REORDER, """
                        UPDATE replenishment SET status = :to, reorders = reorders + 1,
                               last_attempt_at = :at, last_error = 'no delivery before the deadline; ordering again'
                        WHERE id = :id AND status IN (:from)
                        """)
                .param("at", SqlTime.utc(at)).param("id", id.toString()).update() == 1;
    }

    @Override
    public boolean touchIfIdle(ReplenishmentId id, Instant idleSince, Instant at) {
        return jdbc.sql("""
                        UPDATE replenishment SET last_attempt_at = :at
                        WHERE id = :id AND status IN (:from) AND COALESCE(last_attempt_at, requested_at) < :since
                        """)
                .param("from", Transition.ORDER.fromNames())
                .param("at", SqlTime.utc(at)).param("id", id.toString()).param("since", SqlTime.utc(idleSince))
                .update() == 1;
    }

    @Override
    public java.util.Map<ReplenishmentStatus, Long> countByStatus(Instant endedSince) {
        var counts = new java.util.EnumMap<ReplenishmentStatus, Long>(ReplenishmentStatus.class);
        for (var status : ReplenishmentStatus.values()) {
            counts.put(status, 0L);
        }
        // Open ones hold open_sku (one per product at most); ended ones are counted over a window
        // through (status, delivered_at) and (status, failed_at), never over the whole history.
        jdbc.sql("""
                        SELECT status, COUNT(*) AS n FROM replenishment WHERE open_sku IS NOT NULL GROUP BY status
                        UNION ALL
                        SELECT 'DELIVERED', COUNT(*) FROM replenishment WHERE status = 'DELIVERED' AND delivered_at >= :since
                        UNION ALL
                        SELECT 'FAILED', COUNT(*) FROM replenishment WHERE status = 'FAILED' AND failed_at >= :since
                        """)
                .param("since", SqlTime.utc(endedSince))
                .query((rs, row) -> counts.put(ReplenishmentStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    @Override
    public Optional<Instant> oldestWaitingSince() {
        return jdbc.sql("SELECT MIN(requested_at) FROM replenishment WHERE status = 'REQUESTED'")
                .query((rs, row) -> SqlTime.read(rs, 1)).optional().filter(java.util.Objects::nonNull);
    }

    @Override
    public boolean reopen(ReplenishmentId id, Instant at) {
        int matched = moving(Transition.REDRIVE, """
                        UPDATE IGNORE replenishment SET status = :to, open_sku = sku, failed_at = NULL,
                               lease_until = NULL, last_attempt_at = :at, factory_waiting_since = NULL
                        WHERE id = :id AND status IN (:from)
                        """)
                .param("at", SqlTime.utc(at)).param("id", id.toString()).update();
        // The drivers count the rows found, not those changed: a row the unique open_sku kept FAILED
        // (its product has another open) counts 1 too, so the row itself says whether it reopened.
        return matched == 1 && find(id).filter(r -> r.status() == Transition.REDRIVE.to()).isPresent();
    }

    @Override
    public void note(ReplenishmentId id, String note, Instant at) {
        jdbc.sql("INSERT INTO replenishment_note (replenishment_id, noted_at, note) VALUES (:id, :at, :note)")
                .param("id", id.toString()).param("at", SqlTime.utc(at)).param("note", truncate(note)).update();
    }

    @Override
    public List<String> notes(ReplenishmentId id) {
        return jdbc.sql("SELECT noted_at, note FROM replenishment_note WHERE replenishment_id = :id ORDER BY id")
                .param("id", id.toString())
                .query((rs, row) -> SqlTime.read(rs, "noted_at") + " " + rs.getString("note")).list();
    }

    /** A status change: {@code :to} and {@code :from} bound from the transition, the rest left to the caller. */
    private JdbcClient.StatementSpec moving(Transition transition, String sql) {
        return jdbc.sql(sql).param("to", transition.to().name()).param("from", transition.fromNames());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static Replenishment replenishment(ResultSet rs, int row) throws SQLException {
        int deliveredCount = rs.getInt("delivered_quantity");
        Integer delivered = rs.wasNull() ? null : deliveredCount;
        return new Replenishment(
                ReplenishmentId.parse(rs.getString("id")),
                new Sku(rs.getString("sku")),
                new FactoryId(rs.getString("factory_identifier")),
                Quantity.of(rs.getInt("quantity")),
                ReplenishmentStatus.valueOf(rs.getString("status")),
                delivered,
                rs.getInt("attempts"),
                rs.getInt("reorders"),
                rs.getString("last_error"),
                SqlTime.read(rs, "requested_at"),
                SqlTime.read(rs, "ordered_at"),
                SqlTime.read(rs, "delivered_at"),
                SqlTime.read(rs, "failed_at"),
                SqlTime.read(rs, "factory_waiting_since"));
    }
}
