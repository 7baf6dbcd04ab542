package io.donutstates.backorder;

import io.donutstates.messaging.Outbox;
import io.donutstates.messaging.OutboxBacklog;
import io.donutstates.shared.SqlTime;
import io.donutstates.stock.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The backorder notice outbox in MySQL/MariaDB, shaped as the stock event outbox is: relays take due
 * rows with {@code FOR UPDATE SKIP LOCKED} along {@code backorder_notice_due}, and a notice the
 * buyer's endpoint refused waits its own backoff. A notice has ended when {@code published_at} is
 * set: posted, or given up ({@code given_up_at} set too).
 */
public class JdbcBackorderNotices implements Outbox<BackorderNotice> {

    private static final String COLUMNS = """
            id, event_id, backorder_id, sku, quantity, position, status, sale_id, notify_url, signing_key, created_at,
            attempts, last_error
            """;

    private final JdbcClient jdbc;

    public JdbcBackorderNotices(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void append(BackorderNotice n) {
        jdbc.sql("""
                        INSERT INTO backorder_notice (event_id, backorder_id, sku, quantity, position, status, sale_id,
                                                      notify_url, signing_key, created_at)
                        VALUES (:event, :backorder, :sku, :quantity, :position, :status, :sale, :url, :key, :at)
                        """)
                .param("event", n.eventId().toString())
                .param("backorder", n.backorderId().toString())
                .param("sku", n.sku().value())
                .param("quantity", n.quantity())
                .param("position", n.position())
                .param("status", n.status().name())
                .param("sale", n.saleId())
                .param("url", n.notifyUrl())
                .param("key", n.signingKey())
                .param("at", SqlTime.utc(n.occurredAt()))
                .update();
    }

    @Override
    public List<OutboxEntry<BackorderNotice>> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM backorder_notice FORCE INDEX (backorder_notice_due)
                        WHERE published_at IS NULL AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, row) -> new OutboxEntry<>(rs.getLong("id"), notice(rs), rs.getInt("attempts")))
                .list();
    }

    @Override
    public void markPublished(long entryId, Instant at) {
        jdbc.sql("UPDATE backorder_notice SET published_at = :at, attempts = attempts + 1 WHERE id = :id")
                .param("at", SqlTime.utc(at)).param("id", entryId).update();
    }

    @Override
    public void markAttemptFailed(long entryId, String error, Instant nextAttemptAt) {
        jdbc.sql("""
                        UPDATE backorder_notice SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        WHERE id = :id
                        """)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", SqlTime.utc(nextAttemptAt)).param("id", entryId).update();
    }

    @Override
    public void holdUntil(List<Long> entryIds, Instant until) {
        jdbc.sql("UPDATE backorder_notice SET next_attempt_at = :until WHERE id IN (:ids)")
                .param("until", SqlTime.utc(until)).param("ids", entryIds).update();
    }

    /** Ends the notice as given up: {@code published_at} marks it ended, {@code given_up_at} says it was not taken. */
    @Override
    public void markGivenUp(long entryId, String lastError, Instant at) {
        jdbc.sql("""
                        UPDATE backorder_notice SET attempts = attempts + 1, last_error = :error, published_at = :at,
                                                    given_up_at = :at
                        WHERE id = :id
                        """)
                .param("error", lastError.length() > 1000 ? lastError.substring(0, 1000) : lastError)
                .param("at", SqlTime.utc(at)).param("id", entryId).update();
    }

    @Override
    public long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM backorder_notice WHERE published_at IS NULL").query(Long.class).single();
    }

    @Override
    public OutboxBacklog<BackorderNotice> backlog(int countUpTo) {
        long counted = jdbc.sql("""
                        SELECT COUNT(*) FROM (SELECT id FROM backorder_notice WHERE published_at IS NULL
                                              LIMIT :upTo) AS waiting
                        """)
                .param("upTo", countUpTo + 1).query(Long.class).single();
        if (counted == 0) {
            return OutboxBacklog.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM backorder_notice WHERE published_at IS NULL ORDER BY id LIMIT 1")
                .query((rs, row) -> new OutboxBacklog<>(Math.min(counted, countUpTo), counted > countUpTo,
                        Optional.of(notice(rs)), rs.getInt("attempts"), rs.getString("last_error")))
                .optional().orElse(OutboxBacklog.empty());
    }

    private static BackorderNotice notice(ResultSet rs) throws SQLException {
        long saleId = rs.getLong("sale_id");
        boolean noSale = rs.wasNull();
        return new BackorderNotice(UUID.fromString(rs.getString("event_id")),
                BackorderId.parse(rs.getString("backorder_id")), new Sku(rs.getString("sku")), rs.getInt("quantity"),
                rs.getLong("position"), BackorderStatus.valueOf(rs.getString("status")), noSale ? null : saleId,
                rs.getString("notify_url"), rs.getString("signing_key"), SqlTime.read(rs, "created_at"));
    }
}
