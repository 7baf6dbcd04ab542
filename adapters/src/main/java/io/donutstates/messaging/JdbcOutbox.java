package io.donutstates.messaging;

import io.donutstates.replenishment.StockRanOut;
import io.donutstates.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transactional outbox in MySQL/MariaDB. {@code FOR UPDATE SKIP LOCKED} lets several relays
 * (one per instance) share the table without publishing the same row at the same time.
 */
public class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;

    public JdbcOutbox(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void append(StockRanOut event) {
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, event_type, replenishment_id, payload, created_at)
                        VALUES (:eventId, :type, :replenishment, :payload, :at)
                        """)
                .param("eventId", event.eventId().toString())
                .param("type", StockEventJson.TYPE)
                .param("replenishment", event.replenishmentId().toString())
                .param("payload", StockEventJson.encode(event))
                .param("at", SqlTime.utc(event.occurredAt()))
                .update();
    }

    @Override
    public List<OutboxEntry> lockPending(int limit) {
        return jdbc.sql("""
                        SELECT id, payload FROM outbox_event WHERE published_at IS NULL
                        ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("limit", limit)
                .query((rs, row) -> new OutboxEntry(rs.getLong("id"), StockEventJson.decode(rs.getString("payload"))))
                .list();
    }

    @Override
    public void markPublished(long entryId, Instant at) {
        jdbc.sql("UPDATE outbox_event SET published_at = :at, attempts = attempts + 1 WHERE id = :id")
                .param("at", SqlTime.utc(at)).param("id", entryId).update();
    }

    @Override
    public void markAttemptFailed(long entryId, String error) {
        jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("id", entryId).update();
    }

    @Override
    public long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
    }
}
