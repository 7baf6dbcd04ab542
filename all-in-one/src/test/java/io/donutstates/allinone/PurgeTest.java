package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.housekeeping.History;
import io.donutstates.housekeeping.JdbcPurgeableTables;
import io.donutstates.housekeeping.Purged;
import io.donutstates.housekeeping.PurgingHistory;
import io.donutstates.housekeeping.RetentionPeriods;
import io.donutstates.messaging.JdbcOutbox;
import io.donutstates.replenishment.JdbcReplenishments;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.sales.JdbcSaleReceipts;
import io.donutstates.sales.JdbcSales;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import io.donutstates.sales.Selling;
import io.donutstates.sales.SellingOnce;
import io.donutstates.shared.Database;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.shared.SqlTime;
import io.donutstates.stock.JdbcStock;
import io.donutstates.stock.JdbcStockLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Housekeeping against a real MariaDB: it removes the history whose retention has passed and
 * nothing that an unpublished event, a live idempotency key, an undelivered alert or an open
 * replenishment still needs; two instances purging at once remove each row once.
 */
class PurgeTest {

    private static final Instant NOW = Instant.now();
    private static final Instant TWO_DAYS_AGO = NOW.minus(Duration.ofDays(2));
    private static final Instant FORTY_DAYS_AGO = NOW.minus(Duration.ofDays(40));

    private HikariDataSource database;
    private JdbcClient jdbc;

    @BeforeEach
    void openAFreshDatabase() {
        database = Database.open(new Database.Settings(SharedMariaDb.freshDatabaseUrl(), SharedMariaDb.USER, SharedMariaDb.password(), 4,
                Duration.ofSeconds(10)));
        Database.migrate(database, true);
        jdbc = JdbcClient.create(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private PurgingHistory purging(int batchSize) {
        return new PurgingHistory(new JdbcPurgeableTables(database), new SpringJdbcTransactions(database),
                Clock.systemUTC(), RetentionPeriods.DEFAULTS, batchSize, 1_000);
    }

    @Test
    void removes_events_published_before_the_retention_and_keeps_unpublished_young_and_open_ones() {
        long old = anEvent(UUID.randomUUID(), FORTY_DAYS_AGO, TWO_DAYS_AGO);
        long unpublished = anEvent(UUID.randomUUID(), FORTY_DAYS_AGO, null);
        long young = anEvent(UUID.randomUUID(), NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
        UUID open = anOpenReplenishment();
        long ofOpenReplenishment = anEvent(open, FORTY_DAYS_AGO, TWO_DAYS_AGO);

        Purged purged = purging(100).purge();

        assertThat(purged.failures()).isEmpty();
        assertThat(purged.removed(History.PUBLISHED_EVENTS)).isEqualTo(1);
        assertThat(ids("SELECT id FROM outbox_event")).containsExactlyInAnyOrder(unpublished, young, ofOpenReplenishment)
                .doesNotContain(old);
        assertThat(new JdbcOutbox(database).pendingCount()).isEqualTo(1);
    }

    @Test
    void removes_receipts_past_the_retention_and_a_live_key_still_answers_its_retried_purchase_the_same() {
        var sellingOnce = sellingOnce();
        var purchase = Purchase.of(TestShop.SKU, 1);
        SaleResult first = sellingOnce.sell("live-key", purchase);
        aReceipt("expired-key", NOW.minus(Duration.ofHours(25)));
        aReceipt("almost-expired-key", NOW.minus(Duration.ofHours(23)));

        Purged purged = purging(100).purge();

        assertThat(purged.removed(History.EXPIRED_RECEIPTS)).isEqualTo(1);
        assertThat(keys()).containsExactlyInAnyOrder("live-key", "almost-expired-key");
        assertThat(first).isInstanceOf(SaleResult.Sold.class);
        assertThat(sellingOnce.sell("live-key", purchase)).as("the retried purchase").isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM sale")).as("sales").isEqualTo(1);
    }

    @Test
    void removes_alerts_delivered_everywhere_past_the_retention_and_keeps_undelivered_young_and_open_ones() {
        long delivered = anAlert("REPLENISHMENT_FAILED:" + UUID.randomUUID(), null, FORTY_DAYS_AGO, true, true);
        long halfDelivered = anAlert("REPLENISHMENT_FAILED:" + UUID.randomUUID(), null, FORTY_DAYS_AGO, true, false);
        long young = anAlert("REPLENISHMENT_FAILED:" + UUID.randomUUID(), null, NOW.minus(Duration.ofDays(29)),
                true, true);
        UUID redriven = anOpenReplenishment();
        long ofOpenReplenishment = anAlert("DEAD_LETTERED:" + redriven, redriven, FORTY_DAYS_AGO, true, true);

        Purged purged = purging(100).purge();

        assertThat(purged.removed(History.DELIVERED_ALERTS)).isEqualTo(1);
        assertThat(ids("SELECT id FROM alert")).containsExactlyInAnyOrder(halfDelivered, young, ofOpenReplenishment)
                .doesNotContain(delivered);
        assertThat(ids("SELECT alert_id FROM alert_delivery")).doesNotContain(delivered);
        assertThat(count("SELECT COUNT(*) FROM alert_delivery")).isEqualTo(6);
    }

    @RepeatedTest(3)
    void two_purgers_at_once_remove_each_row_once_and_never_fail() throws Exception {
        int events = 2_500;
        int receipts = 2_500;
        int alerts = 300;
        manyOldRows(events, receipts, alerts);
        var start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Purged>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var purging = purging(100);
                runs.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return purging.purge();
                }, instances));
            }
            start.countDown();
            Purged one = runs.get(0).get(60, TimeUnit.SECONDS);
            Purged other = runs.get(1).get(60, TimeUnit.SECONDS);

            assertThat(one.failures()).isEmpty();
            assertThat(other.failures()).isEmpty();
            assertThat(one.removed(History.PUBLISHED_EVENTS) + other.removed(History.PUBLISHED_EVENTS)).isEqualTo(events);
            assertThat(one.removed(History.EXPIRED_RECEIPTS) + other.removed(History.EXPIRED_RECEIPTS)).isEqualTo(receipts);
            assertThat(one.removed(History.DELIVERED_ALERTS) + other.removed(History.DELIVERED_ALERTS)).isEqualTo(alerts);
        } finally {
            instances.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM outbox_event")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sale_receipt")).isZero();
        assertThat(count("SELECT COUNT(*) FROM alert")).isZero();
        assertThat(count("SELECT COUNT(*) FROM alert_delivery")).isZero();
    }

    private SellingOnce sellingOnce() {
        var transactions = new SpringJdbcTransactions(database);
        var clock = Clock.systemUTC();
        var replenishments = new JdbcReplenishments(database);
        var selling = new Selling(new JdbcStock(database), new JdbcSales(database), new JdbcStockLedger(database),
                new StartingReplenishment(replenishments, new JdbcOutbox(database), clock), transactions, clock);
        return new SellingOnce(selling, new JdbcSaleReceipts(database, replenishments), transactions, clock);
    }

    private long anEvent(UUID replenishment, Instant createdAt, Instant publishedAt) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, event_type, replenishment_id, payload, created_at, published_at)
                        VALUES (:event, 'StockRanOut', :replenishment, '{}', :created, :published)
                        """)
                .param("event", UUID.randomUUID().toString()).param("replenishment", replenishment.toString())
                .param("created", SqlTime.utc(createdAt)).param("published", SqlTime.utc(publishedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A replenishment still waiting for its factory, opened long ago (as one redriven after it failed). */
    private UUID anOpenReplenishment() {
        UUID id = UUID.randomUUID();
        String sku = "SKU-" + id.toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO replenishment (id, sku, factory_identifier, quantity, status, open_sku, requested_at)
                        VALUES (:id, :sku, 'FF-500293', 10, 'REQUESTED', :sku, :at)
                        """)
                .param("id", id.toString()).param("sku", sku).param("at", SqlTime.utc(FORTY_DAYS_AGO)).update();
        return id;
    }

    private void aReceipt(String key, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO sale_receipt (idempotency_key, fingerprint, outcome, sku, created_at)
                        VALUES (:key, 'CP-502101x1', 'UNKNOWN_PRODUCT', 'CP-502101', :at)
                        """)
                .param("key", key).param("at", SqlTime.utc(createdAt)).update();
    }

    private long anAlert(String incident, UUID replenishment, Instant raisedAt, boolean... sent) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO alert (incident_key, kind, replenishment_id, reason, raised_at)
                        VALUES (:incident, 'REPLENISHMENT_FAILED', :replenishment, 'no delivery', :at)
                        """)
                .param("incident", incident).param("replenishment", replenishment == null ? null : replenishment.toString())
                .param("at", SqlTime.utc(raisedAt)).update(keys, "id");
        long id = keys.getKey().longValue();
        for (int channel = 0; channel < sent.length; channel++) {
            jdbc.sql("""
                            INSERT INTO alert_delivery (alert_id, channel, sent_at, attempts, next_attempt_at)
                            VALUES (:id, :channel, :sent, 1, :at)
                            """)
                    .param("id", id).param("channel", "channel-" + channel)
                    .param("sent", sent[channel] ? SqlTime.utc(raisedAt.plusSeconds(1)) : null)
                    .param("at", SqlTime.utc(raisedAt)).update();
        }
        return id;
    }

    private void manyOldRows(int events, int receipts, int alerts) {
        var batch = new JdbcTemplate(database);
        var at = SqlTime.utc(TWO_DAYS_AGO);
        var alertAt = SqlTime.utc(FORTY_DAYS_AGO);
        new SpringJdbcTransactions(database).inTransaction(() -> {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                rows.add(new Object[] {UUID.randomUUID().toString(), UUID.randomUUID().toString(), at, at});
            }
            batch.batchUpdate("""
                    INSERT INTO outbox_event (event_id, event_type, replenishment_id, payload, created_at, published_at)
                    VALUES (?, 'StockRanOut', ?, '{}', ?, ?)""", rows);
            rows.clear();
            for (int i = 0; i < receipts; i++) {
                rows.add(new Object[] {"key-" + i, at});
            }
            batch.batchUpdate("""
                    INSERT INTO sale_receipt (idempotency_key, fingerprint, outcome, sku, created_at)
                    VALUES (?, 'CP-502101x1', 'UNKNOWN_PRODUCT', 'CP-502101', ?)""", rows);
            rows.clear();
            for (int i = 0; i < alerts; i++) {
                rows.add(new Object[] {"FACTORY_UNAVAILABLE:FF-500293:" + i, alertAt});
            }
            batch.batchUpdate("""
                    INSERT INTO alert (incident_key, kind, factory_id, reason, raised_at)
                    VALUES (?, 'FACTORY_UNAVAILABLE', 'FF-500293', 'circuit open', ?)""", rows);
            batch.update("""
                    INSERT INTO alert_delivery (alert_id, channel, sent_at, attempts, next_attempt_at)
                    SELECT a.id, c.channel, a.raised_at, 1, a.raised_at
                    FROM alert a CROSS JOIN (SELECT 'webhook' AS channel UNION ALL SELECT 'email') c""");
            return null;
        });
    }

    private List<Long> ids(String sql) {
        return jdbc.sql(sql).query(Long.class).list();
    }

    private List<String> keys() {
        return jdbc.sql("SELECT idempotency_key FROM sale_receipt").query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
