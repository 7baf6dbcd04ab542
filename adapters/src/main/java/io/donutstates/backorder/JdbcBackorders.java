package io.donutstates.backorder;

import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.shared.SqlTime;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The backorders in MySQL/MariaDB. Every status change is one conditional {@code UPDATE ... AND
 * status = 'WAITING'}; a delivery holds the line it serves ({@code FOR UPDATE} along
 * {@code backorder_line}), so a cancel racing it waits and then finds the backorder served; the
 * expiry takes its rows with {@code SKIP LOCKED}. Every read goes along an index.
 */
public class JdbcBackorders implements Backorders, BackorderViews, BackorderPolicies {

    private static final String COLUMNS = """
            position, id, sku, quantity, status, secret_hash, notify_url, idempotency_key, sale_id, fulfilled_by,
            created_at, expires_at, ended_at
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public JdbcBackorders(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
    }

    @Override
    public Backorder add(Backorder b) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO backorder (id, sku, quantity, status, secret_hash, notify_url, idempotency_key,
                                               created_at, expires_at)
                        VALUES (:id, :sku, :quantity, :status, :hash, :url, :key, :at, :expires)
                        """)
                .param("id", b.id().toString())
                .param("sku", b.sku().value())
                .param("quantity", b.quantity().value())
                .param("status", b.status().name())
                .param("hash", b.secretHash())
                .param("url", b.notifyUrl())
                .param("key", b.idempotencyKey())
                .param("at", SqlTime.utc(b.createdAt()))
                .param("expires", SqlTime.utc(b.expiresAt()))
                .update(keys, "position");
        return b.at(keys.getKey().longValue());
    }

    @Override
    public Optional<Backorder> find(BackorderId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backorder WHERE id = :id")
                .param("id", id.toString()).query(JdbcBackorders::backorder).optional();
    }

    @Override
    public Optional<Backorder> findByKey(String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backorder WHERE idempotency_key = :key")
                .param("key", idempotencyKey).query(JdbcBackorders::backorder).optional();
    }

    @Override
    public List<Backorder> lockWaiting(Sku sku, long afterPosition, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM backorder FORCE INDEX (backorder_line)
                        WHERE sku = :sku AND status = 'WAITING' AND position > :after
                        ORDER BY position LIMIT :limit FOR UPDATE
                        """)
                .param("sku", sku.value()).param("after", afterPosition).param("limit", limit)
                .query(JdbcBackorders::backorder).list();
    }

    @Override
    public void fulfil(List<Fulfilment> fulfilments, Instant at) {
        if (fulfilments.isEmpty()) {
            return;
        }
        var when = SqlTime.utc(at);
        int[] counts = batch.batchUpdate("""
                        UPDATE backorder SET status = 'FULFILLED', sale_id = ?, fulfilled_by = ?, ended_at = ?
                        WHERE id = ? AND status = 'WAITING'
                        """,
                fulfilments.stream().map(f -> new Object[]{f.saleId(),
                        f.delivery() == null ? null : f.delivery().toString(), when, f.id().toString()}).toList());
        long changed = 0;
        boolean unknown = false;
        for (int count : counts) {
            unknown |= count < 0;
            changed += Math.max(count, 0);
        }
        if (unknown) {
            // The driver sent the batch as one bulk statement and reports no count per row: ask.
            changed = jdbc.sql("SELECT COUNT(*) FROM backorder WHERE id IN (:ids) AND status = 'FULFILLED' AND ended_at = :at")
                    .param("ids", fulfilments.stream().map(f -> f.id().toString()).toList())
                    .param("at", when).query(Long.class).single();
        }
        if (changed != fulfilments.size()) {
            throw new IllegalStateException("only " + changed + " of " + fulfilments.size()
                    + " backorders were still waiting to be fulfilled");
        }
    }

    @Override
    public boolean end(BackorderId id, BackorderStatus to, Instant at) {
        if (to == BackorderStatus.FULFILLED || !BackorderStatus.WAITING.canMoveTo(to)) {
            return false;
        }
        return jdbc.sql("UPDATE backorder SET status = :to, ended_at = :at WHERE id = :id AND status = 'WAITING'")
                .param("to", to.name()).param("at", SqlTime.utc(at)).param("id", id.toString())
                .update() == 1;
    }

    @Override
    public List<Backorder> lockExpired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM backorder FORCE INDEX (backorder_expiry)
                        WHERE status = 'WAITING' AND expires_at <= :now
                        ORDER BY expires_at, position LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query(JdbcBackorders::backorder).list();
    }

    @Override
    public WaitingDemand waiting(Sku sku) {
        return jdbc.sql("""
                        SELECT COUNT(*) AS n, COALESCE(SUM(quantity), 0) AS donuts, MIN(created_at) AS oldest
                        FROM backorder FORCE INDEX (backorder_line) WHERE sku = :sku AND status = 'WAITING'
                        """)
                .param("sku", sku.value())
                .query((rs, row) -> new WaitingDemand(sku, rs.getInt("n"), rs.getInt("donuts"), SqlTime.read(rs, "oldest")))
                .single();
    }

    @Override
    public List<Backorder> page(Sku sku, Long beforePosition, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM backorder FORCE INDEX (backorder_by_sku)
                        WHERE sku = :sku AND position < :before ORDER BY position DESC LIMIT :limit
                        """)
                .param("sku", sku.value()).param("before", beforePosition == null ? Long.MAX_VALUE : beforePosition)
                .param("limit", limit).query(JdbcBackorders::backorder).list();
    }

    @Override
    public List<WaitingDemand> waitingByProduct(int limit) {
        return jdbc.sql("""
                        SELECT sku, COUNT(*) AS n, SUM(quantity) AS donuts, MIN(created_at) AS oldest
                        FROM backorder FORCE INDEX (backorder_expiry) WHERE status = 'WAITING'
                        GROUP BY sku ORDER BY sku LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, row) -> new WaitingDemand(new Sku(rs.getString("sku")), rs.getInt("n"), rs.getInt("donuts"),
                        SqlTime.read(rs, "oldest")))
                .list();
    }

    /** One statement along {@code backorder_line}: per product, its range of waiting backorders only. */
    @Override
    public Map<Sku, WaitingDemand> waitingFor(Collection<Sku> products) {
        Map<Sku, WaitingDemand> waiting = new LinkedHashMap<>();
        if (products.isEmpty()) {
            return waiting;
        }
        jdbc.sql("""
                        SELECT sku, COUNT(*) AS n, SUM(quantity) AS donuts, MIN(created_at) AS oldest
                        FROM backorder FORCE INDEX (backorder_line) WHERE sku IN (:skus) AND status = 'WAITING'
                        GROUP BY sku
                        """)
                .param("skus", products.stream().map(Sku::value).distinct().toList())
                .query((rs, row) -> new WaitingDemand(new Sku(rs.getString("sku")), rs.getInt("n"), rs.getInt("donuts"),
                        SqlTime.read(rs, "oldest")))
                .list().forEach(w -> waiting.put(w.sku(), w));
        return waiting;
    }

    /** One statement along {@code backorder_by_delivery}: the backorders these deliveries fulfilled only. */
    @Override
    public Map<ReplenishmentId, Served> servedBy(Collection<ReplenishmentId> deliveries) {
        Map<ReplenishmentId, Served> served = new LinkedHashMap<>();
        if (deliveries.isEmpty()) {
            return served;
        }
        jdbc.sql("""
                        SELECT fulfilled_by, COUNT(*) AS n, SUM(quantity) AS donuts
                        FROM backorder FORCE INDEX (backorder_by_delivery) WHERE fulfilled_by IN (:deliveries)
                        GROUP BY fulfilled_by
                        """)
                .param("deliveries", deliveries.stream().map(ReplenishmentId::toString).distinct().toList())
                .query((rs, row) -> Map.entry(ReplenishmentId.parse(rs.getString("fulfilled_by")),
                        new Served(rs.getInt("n"), rs.getInt("donuts"))))
                .list().forEach(e -> served.put(e.getKey(), e.getValue()));
        return served;
    }

    @Override
    public Served servedBy(ReplenishmentId delivery) {
        return jdbc.sql("""
                        SELECT COUNT(*) AS n, COALESCE(SUM(quantity), 0) AS donuts FROM backorder
                        WHERE fulfilled_by = :delivery
                        """)
                .param("delivery", delivery.toString())
                .query((rs, row) -> new Served(rs.getInt("n"), rs.getInt("donuts"))).single();
    }

    @Override
    public Optional<BackorderPolicy> policyOf(Sku sku) {
        return jdbc.sql("SELECT expire_after_seconds, max_order_quantity FROM backorder_policy WHERE sku = :sku")
                .param("sku", sku.value())
                .query((rs, row) -> new BackorderPolicy(Duration.ofSeconds(rs.getLong("expire_after_seconds")),
                        rs.getInt("max_order_quantity")))
                .optional();
    }

    @Override
    public void set(Sku sku, BackorderPolicy policy) {
        jdbc.sql("""
                        INSERT INTO backorder_policy (sku, expire_after_seconds, max_order_quantity)
                        VALUES (:sku, :expire, :max)
                        ON DUPLICATE KEY UPDATE expire_after_seconds = VALUES(expire_after_seconds),
                                                max_order_quantity = VALUES(max_order_quantity)
                        """)
                .param("sku", sku.value()).param("expire", policy.expireAfter().toSeconds())
                .param("max", policy.maxOrderQuantity()).update();
    }

    private static Backorder backorder(ResultSet rs, int row) throws SQLException {
        long saleId = rs.getLong("sale_id");
        boolean noSale = rs.wasNull();
        String fulfilledBy = rs.getString("fulfilled_by");
        return new Backorder(BackorderId.parse(rs.getString("id")), new Sku(rs.getString("sku")),
                Quantity.of(rs.getInt("quantity")), rs.getLong("position"), BackorderStatus.valueOf(rs.getString("status")),
                rs.getString("secret_hash"), rs.getString("notify_url"), rs.getString("idempotency_key"),
                noSale ? null : saleId, fulfilledBy == null ? null : ReplenishmentId.parse(fulfilledBy),
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "expires_at"), SqlTime.read(rs, "ended_at"));
    }
}
