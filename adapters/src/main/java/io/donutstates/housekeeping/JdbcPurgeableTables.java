package io.donutstates.housekeeping;

import io.donutstates.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Housekeeping's deletes in MySQL/MariaDB, to be called inside a transaction (one per batch).
 *
 * <p>Each batch reads at most {@code limit} candidates along an index (oldest first) without
 * locking, locks those by primary key with {@code FOR UPDATE SKIP LOCKED} and deletes exactly the
 * rows it locked, by primary key. Instances purging at once thus take disjoint rows and never wait
 * for one another: a row another purger holds is skipped, one it has deleted is no longer found.
 * A plain {@code DELETE ... ORDER BY ... LIMIT} would be correct too, but the second instance would
 * queue behind the first one's row locks for the whole batch and then find nothing.
 *
 * <p>Locks are taken by primary key only. Taken along the age index instead
 * ({@code SELECT ... WHERE created_at < ? ORDER BY created_at LIMIT n FOR UPDATE SKIP LOCKED}), two
 * purgers deadlocked in {@code PurgeTest}: one held index entries of rows the other was deleting.
 * Where the candidates depend on other tables (is the replenishment open, is every delivery sent),
 * locking only the purged table's rows also matters: whether a locking read locks the rows its
 * subqueries read differs between servers and versions, and where it does it would hold up sales
 * on replenishment rows, or with {@code SKIP LOCKED} pass over a busy replenishment as if it were
 * not there. The conditions read cannot turn false in between (a published event stays published,
 * a sent delivery stays sent; only a replenishment redriven in that instant could reopen).
 *
 * <p>A batch that found a full set of candidates says more may be due, unless another purger held
 * all of them (that purger goes on).
 */
public class JdbcPurgeableTables implements PurgeableTables {

    private final JdbcClient jdbc;

    public JdbcPurgeableTables(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The table a kind of history is purged from (an alert's delivery rows go with it). */
    public static String tableOf(History kind) {
        return switch (kind) {
            case PUBLISHED_EVENTS -> "outbox_event";
            case EXPIRED_RECEIPTS -> "sale_receipt";
            case DELIVERED_ALERTS -> "alert";
            case ENDED_NOTICES -> "backorder_notice";
        };
    }

    /**
     * Nothing in the shop reads an outbox row once it is published (the relay reads
     * {@code published_at IS NULL} only); the rows of an open replenishment are kept all the same, so
     * whoever looks into a stuck replenishment still sees when its events went out. There are few:
     * the database admits one open replenishment per product.
     */
    @Override
    public Batch deletePublishedEvents(Instant publishedBefore, int limit) {
        List<Long> candidates = jdbc.sql("""
                        SELECT o.id FROM outbox_event o
                        WHERE o.published_at < :before
                          AND NOT EXISTS (SELECT 1 FROM replenishment r
                                          WHERE r.id = o.replenishment_id AND r.open_sku IS NOT NULL)
                        ORDER BY o.published_at, o.id LIMIT :limit
                        """)
                .param("before", SqlTime.utc(publishedBefore)).param("limit", limit)
                .query(Long.class).list();
        return deleteLocked("outbox_event", candidates, limit, locked -> { });
    }

    /**
     * A receipt is only read by a purchase retried under its key; past the retention that purchase
     * is a new one. An {@code OUT_OF_STOCK} receipt names its replenishment, which is never purged.
     */
    @Override
    public Batch deleteReceipts(Instant createdBefore, int limit) {
        List<String> candidates = jdbc.sql("""
                        SELECT idempotency_key FROM sale_receipt WHERE created_at < :before
                        ORDER BY created_at LIMIT :limit
                        """)
                .param("before", SqlTime.utc(createdBefore)).param("limit", limit)
                .query(String.class).list();
        if (candidates.isEmpty()) {
            return Batch.NOTHING;
        }
        List<String> locked = jdbc.sql("""
                        SELECT idempotency_key FROM sale_receipt WHERE idempotency_key IN (:keys)
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("keys", candidates).query(String.class).list();
        if (locked.isEmpty()) {
            // Another instance holds this batch: more may be due behind it.
            return new Batch(0, candidates.size() == limit);
        }
        int removed = jdbc.sql("DELETE FROM sale_receipt WHERE idempotency_key IN (:keys)")
                .param("keys", locked).update();
        return new Batch(removed, candidates.size() == limit);
    }

    /**
     * {@code alert.incident_key} is unique so that an incident alerts once; a removed alert lets its
     * key be raised again. That cannot happen for the alerts removed here: an alert naming a
     * replenishment is raised only when that replenishment turns FAILED, which it does once per
     * opening, and the alerts of a replenishment that is open again (redriven) are kept, so its next
     * failure is recognised as before. A factory outage is one incident per factory and clock hour,
     * raised with the current time, and the retention is at least two hours (see
     * {@code RetentionPeriods}), so its hour has passed before its alert can go. Undelivered alerts
     * are kept (and retried) however old; they are few, one per incident, and visible in
     * {@code donut_alerts_delivered_total{result="failed"}}.
     */
    @Override
    public Batch deleteDeliveredAlerts(Instant raisedBefore, int limit) {
        List<Long> candidates = jdbc.sql("""
                        SELECT a.id FROM alert a
                        WHERE a.raised_at < :before
                          AND NOT EXISTS (SELECT 1 FROM alert_delivery d WHERE d.alert_id = a.id AND d.sent_at IS NULL)
                          AND NOT EXISTS (SELECT 1 FROM replenishment r
                                          WHERE r.id = a.replenishment_id AND r.open_sku IS NOT NULL)
                        ORDER BY a.raised_at, a.id LIMIT :limit
                        """)
                .param("before", SqlTime.utc(raisedBefore)).param("limit", limit)
                .query(Long.class).list();
        return deleteLocked("alert", candidates, limit, locked ->
                jdbc.sql("DELETE FROM alert_delivery WHERE alert_id IN (:ids)").param("ids", locked).update());
    }

    /**
     * Nothing reads a notice once it has ended (posted, or given up): the relay reads
     * {@code published_at IS NULL} only, and the backorder keeps its own status.
     */
    @Override
    public Batch deleteEndedNotices(Instant endedBefore, int limit) {
        List<Long> candidates = jdbc.sql("""
                        SELECT id FROM backorder_notice FORCE INDEX (backorder_notice_due)
                        WHERE published_at < :before ORDER BY published_at, id LIMIT :limit
                        """)
                .param("before", SqlTime.utc(endedBefore)).param("limit", limit)
                .query(Long.class).list();
        return deleteLocked("backorder_notice", candidates, limit, locked -> { });
    }

    /**
     * Locks the candidates of {@code table} (by {@code id}) that no other purger holds and deletes
     * them, after {@code first} has removed what belongs to them.
     */
    private Batch deleteLocked(String table, List<Long> candidates, int limit, Consumer<List<Long>> first) {
        if (candidates.isEmpty()) {
            return Batch.NOTHING;
        }
        List<Long> locked = jdbc.sql("SELECT id FROM " + table + " WHERE id IN (:ids) FOR UPDATE SKIP LOCKED")
                .param("ids", candidates).query(Long.class).list();
        if (locked.isEmpty()) {
            // Another instance holds this batch: more may be due behind it.
            return new Batch(0, candidates.size() == limit);
        }
        first.accept(locked);
        int removed = jdbc.sql("DELETE FROM " + table + " WHERE id IN (:ids)").param("ids", locked).update();
        return new Batch(removed, candidates.size() == limit);
    }
}
