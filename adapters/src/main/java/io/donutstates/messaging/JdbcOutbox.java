package io.donutstates.messaging;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.shared.SqlTime;
import io.donutstates.tracing.ShopTracing;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transactional outbox in MySQL/MariaDB. {@code FOR UPDATE SKIP LOCKED} lets several relays
 * (one per instance) share the table without publishing the same row at the same time. Every read
 * of unpublished events goes along an index that starts with {@code published_at}
 * ({@code outbox_pending}, {@code outbox_due}), so published rows, however many, are never read.
 */
public class JdbcOutbox implements Outbox<StockEvent> {

    private final JdbcClient jdbc;
    /** The trace context stored with each event this thread locked last, for its publication. */
    private final ThreadLocal<Map<UUID, String>> lockedTraces = ThreadLocal.withInitial(HashMap::new);

    public JdbcOutbox(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void append(StockEvent event) {
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, event_type, replenishment_id, payload, created_at,
                                                  traceparent)
                        VALUES (:eventId, :type, :replenishment, :payload, :at, :traceparent)
                        """)
                .param("eventId", event.eventId().toString())
                .param("type", StockEventJson.typeOf(event))
                .param("replenishment", event.replenishmentId().toString())
                .param("payload", StockEventJson.encode(event))
                .param("at", SqlTime.utc(event.occurredAt()))
                .param("traceparent", ShopTracing.currentTraceparent())
                .update();
    }

    @Override
    public List<OutboxEntry<StockEvent>> lockDue(Instant now, int limit) {
        Map<UUID, String> traces = lockedTraces.get();
        traces.clear();
        return jdbc.sql("""
                        SELECT id, payload, attempts, traceparent FROM outbox_event FORCE INDEX (outbox_due)
                        WHERE published_at IS NULL AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", SqlTime.utc(now))
                .param("limit", limit)
                .query((rs, row) -> {
                    var entry = new OutboxEntry<>(rs.getLong("id"), StockEventJson.decode(rs.getString("payload")),
                            rs.getInt("attempts"));
                    String traceparent = rs.getString("traceparent");
                    if (traceparent != null) {
                        traces.put(entry.event().eventId(), traceparent);
                    }
                    return entry;
                })
                .list();
    }

    /**
     * The trace context ({@code traceparent}) the event was written in, if it is among those this thread
     * locked last with {@link #lockDue}; else null.
     */
    public String traceparentOf(UUID eventId) {
        return lockedTraces.get().get(eventId);
    }

    @Override
    public void markPublished(long entryId, Instant at) {
        jdbc.sql("UPDATE outbox_event SET published_at = :at, attempts = attempts + 1 WHERE id = :id")
                .param("at", SqlTime.utc(at)).param("id", entryId).update();
    }

    @Override
    public void markAttemptFailed(long entryId, String error, Instant nextAttemptAt) {
        jdbc.sql("""
                        UPDATE outbox_event SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        WHERE id = :id
                        """)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", SqlTime.utc(nextAttemptAt))
                .param("id", entryId).update();
    }

    @Override
    public void holdUntil(List<Long> entryIds, Instant until) {
        jdbc.sql("UPDATE outbox_event SET next_attempt_at = :until WHERE id IN (:ids)")
                .param("until", SqlTime.utc(until)).param("ids", entryIds).update();
    }

    @Override
    public long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
    }

    @Override
    public OutboxBacklog<StockEvent> backlog(int countUpTo) {
        // Counting stops after countUpTo + 1 rows: a backlog of millions costs what one of 10,000 does.
        long counted = jdbc.sql("""
                        SELECT COUNT(*) FROM (SELECT id FROM outbox_event WHERE published_at IS NULL
                                              LIMIT :upTo) AS waiting
                        """)
                .param("upTo", countUpTo + 1).query(Long.class).single();
        if (counted == 0) {
            return OutboxBacklog.empty();
        }
        // Ids are given in the order events are written, so the oldest waiting is the first along outbox_pending.
        var oldest = jdbc.sql("""
                        SELECT payload, attempts, last_error FROM outbox_event
                        WHERE published_at IS NULL ORDER BY id LIMIT 1
                        """)
                .query((rs, row) -> new OutboxBacklog<>(Math.min(counted, countUpTo), counted > countUpTo,
                        Optional.of(StockEventJson.decode(rs.getString("payload"))), rs.getInt("attempts"),
                        rs.getString("last_error")))
                .optional();
        return oldest.orElse(OutboxBacklog.empty());
    }
}
