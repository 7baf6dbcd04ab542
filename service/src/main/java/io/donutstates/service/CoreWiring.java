package io.donutstates.service;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.alerting.Alerts;
import io.donutstates.factory.CircuitBreakingFactory;
import io.donutstates.factory.HttpFactory;
import io.donutstates.factory.JdbcFactoryDirectory;
import io.donutstates.messaging.JdbcOutbox;
import io.donutstates.messaging.Outbox;
import io.donutstates.messaging.RelayFailureLog;
import io.donutstates.messaging.RelayingOutbox;
import io.donutstates.messaging.StockTopic;
import io.donutstates.messaging.WatchingTheOutbox;
import io.donutstates.replenishment.DeliveryCallbacks;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.JdbcReplenishments;
import io.donutstates.replenishment.NoticingFactoryOutages;
import io.donutstates.replenishment.OrderingFromFactory;
import io.donutstates.replenishment.ReceivingDelivery;
import io.donutstates.replenishment.RedrivingReplenishment;
import io.donutstates.replenishment.Replenishments;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.replenishment.SweepingStuckReplenishments;
import io.donutstates.sales.Checkout;
import io.donutstates.sales.CombinedCheckout;
import io.donutstates.sales.JdbcSaleReceipts;
import io.donutstates.sales.JdbcSales;
import io.donutstates.sales.Selling;
import io.donutstates.sales.SellingInBatches;
import io.donutstates.sales.SellingOnce;
import io.donutstates.shared.Database;
import io.donutstates.shared.DatabaseDurability;
import io.donutstates.shared.JdbcShopSecrets;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.AdjustingStock;
import io.donutstates.stock.JdbcStock;
import io.donutstates.stock.JdbcStockAudit;
import io.donutstates.stock.JdbcStockLedger;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Explicit wiring of the core's use cases to the adapters; the core itself knows no Spring. */
@Configuration(proxyBeanMethods = false)
class CoreWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The pool of purchases, deliveries and the background jobs; its metrics are {@code hikaricp_*{pool="donut-db"}}. */
    @Bean(destroyMethod = "close")
    @org.springframework.context.annotation.Primary
    HikariDataSource dataSource(DonutProperties donut, MeterRegistry meters) {
        var db = donut.db();
        var dataSource = Database.open(new Database.Settings(db.url(), db.user(), db.password(), db.poolSize(),
                db.connectionWait()), "donut-db", config -> config.setMetricRegistry(meters));
        try {
            Database.migrate(dataSource, donut.demoCatalog());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /** Read once after the pool is up and logged once: the health check then costs nothing. */
    @Bean
    DatabaseDurability databaseDurability(HikariDataSource dataSource, DonutProperties donut) {
        var durability = DatabaseDurability.read(dataSource, donut.db().relaxedDurability());
        durability.log();
        return durability;
    }

    @Bean
    Transactions transactions(HikariDataSource dataSource) {
        return new SpringJdbcTransactions(dataSource);
    }

    @Bean
    Stock stock(HikariDataSource dataSource) {
        return new JdbcStock(dataSource);
    }

    @Bean
    JdbcStockAudit stockAudit(HikariDataSource dataSource) {
        return new JdbcStockAudit(dataSource);
    }

    @Bean
    StockLedger stockLedger(HikariDataSource dataSource) {
        return new JdbcStockLedger(dataSource);
    }

    @Bean
    Replenishments replenishments(HikariDataSource dataSource) {
        return new JdbcReplenishments(dataSource);
    }

    @Bean
    Outbox outbox(HikariDataSource dataSource) {
        return new JdbcOutbox(dataSource);
    }

    @Bean
    StartingReplenishment startingReplenishment(Replenishments replenishments, Outbox outbox, Clock clock) {
        return new StartingReplenishment(replenishments, outbox, clock);
    }

    @Bean
    Selling selling(Stock stock, HikariDataSource dataSource, StockLedger ledger, StartingReplenishment starting,
                    Transactions transactions, Clock clock) {
        return new Selling(stock, new JdbcSales(dataSource), ledger, starting, transactions, clock);
    }

    /** Primary: {@link Selling} is a Checkout too, but buyers go through the configured mode. */
    @Bean
    @org.springframework.context.annotation.Primary
    Checkout checkout(DonutProperties donut, Selling selling, Stock stock, HikariDataSource dataSource,
                      StockLedger ledger, StartingReplenishment starting, Transactions transactions, Clock clock) {
        if ("plain".equals(donut.sales().mode())) {
            return selling;
        }
        var batches = new SellingInBatches(stock, new JdbcSales(dataSource), ledger, starting, transactions, clock);
        return new CombinedCheckout(batches, donut.sales().maxBatch(), saleLaneWorkers(donut.sales().laneWorkers()));
    }

    /**
     * Up to {@code workers} platform threads (daemons) for busy product lanes, kept a minute for the
     * next busy spell; more busy lanes wait their turn. A lane's worker is on every buyer's critical
     * path: as a virtual thread it would wait, after each database round trip, for a carrier thread
     * behind the request threads it serves (measured under a crowd: 5.5 ms instead of 0.7 ms to lock
     * the product's row). Bounded, so a crowd buying many products cannot start a thread per product.
     */
    private static ExecutorService saleLaneWorkers(int workers) {
        var threads = new CustomizableThreadFactory("sale-lane-");
        threads.setDaemon(true);
        var pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Bean
    SellingOnce sellingOnce(Selling selling, HikariDataSource dataSource, Replenishments replenishments,
                            Transactions transactions, Clock clock) {
        return new SellingOnce(selling, new JdbcSaleReceipts(dataSource, replenishments), transactions, clock);
    }

    @Bean
    AdjustingStock adjustingStock(Stock stock, StockLedger ledger, Transactions transactions, Clock clock) {
        return new AdjustingStock(stock, ledger, transactions, clock);
    }

    @Bean
    DeliveryCallbacks deliveryCallbacks(DonutProperties donut, HikariDataSource dataSource, Environment env) {
        byte[] secret = donut.callbackSecret() != null && !donut.callbackSecret().isBlank()
                ? donut.callbackSecret().getBytes(StandardCharsets.UTF_8)
                : new JdbcShopSecrets(dataSource).getOrCreate("callback-signing-key");
        return new DeliveryCallbacks(() -> publicUrl(donut, env), secret);
    }

    private static String publicUrl(DonutProperties donut, Environment env) {
        if (donut.publicUrl() != null && !donut.publicUrl().isBlank()) {
            return donut.publicUrl();
        }
        return "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    }

    @Bean
    ReceivingDelivery receivingDelivery(DonutProperties donut, Replenishments replenishments, Stock stock,
                                        StockLedger ledger, DeliveryCallbacks callbacks, Transactions transactions,
                                        Alerts alerts, Clock clock) {
        return new ReceivingDelivery(replenishments, stock, ledger, callbacks, transactions, alerts,
                donut.factory().deliveryTolerance(), clock);
    }

    @Bean
    JdbcFactoryDirectory factoryDirectory(DonutProperties donut, HikariDataSource dataSource) {
        return new JdbcFactoryDirectory(dataSource, io.donutstates.shared.SettingUrl.parse("DONUT_FACTORY_URL", donut.factory().url()));
    }

    @Bean
    CircuitBreakingFactory factory(DonutProperties donut, JdbcFactoryDirectory directory, Clock clock) {
        var http = new HttpFactory(directory, donut.factory().timeout(), donut.factory().requester());
        return new CircuitBreakingFactory(http, donut.factory().circuitOpenFor(), clock);
    }

    @Bean
    NoticingFactoryOutages noticingFactoryOutages(DonutProperties donut, Replenishments replenishments, Alerts alerts,
                                                  Clock clock) {
        return new NoticingFactoryOutages(replenishments, alerts, clock, donut.factory().outageAlertAfter(),
                donut.factory().giveUpAfter());
    }

    @Bean
    OrderingFromFactory orderingFromFactory(DonutProperties donut, CircuitBreakingFactory factory,
                                            Replenishments replenishments, DeliveryCallbacks callbacks, Clock clock) {
        return new OrderingFromFactory(replenishments, factory, callbacks, clock, donut.replenishment().orderLease());
    }

    @Bean
    RedrivingReplenishment redrivingReplenishment(Replenishments replenishments, Outbox outbox,
                                                  Transactions transactions, Clock clock) {
        return new RedrivingReplenishment(replenishments, outbox, transactions, clock);
    }

    @Bean
    GivingUpReplenishment givingUpReplenishment(Replenishments replenishments, Alerts alerts, Clock clock) {
        return new GivingUpReplenishment(replenishments, alerts, clock);
    }

    @Bean
    SweepingStuckReplenishments sweepingStuckReplenishments(DonutProperties donut, Replenishments replenishments,
                                                            Outbox outbox, GivingUpReplenishment givingUp,
                                                            Transactions transactions, Clock clock) {
        var policy = donut.replenishment();
        return new SweepingStuckReplenishments(replenishments, outbox, givingUp, transactions, clock,
                policy.deadline(), policy.maxReorders(), policy.requeueAfter());
    }

    @Bean
    RelayingOutbox relayingOutbox(DonutProperties donut, Outbox outbox, StockTopic topic,
                                  Transactions transactions, Clock clock) {
        return new RelayingOutbox(outbox, topic, transactions, clock, donut.outbox().batchSize(),
                donut.outbox().backoff(), new RelayFailureLog(clock));
    }

    @Bean
    WatchingTheOutbox watchingTheOutbox(DonutProperties donut, ShopReads reads, Alerts alerts, Clock clock) {
        // The backlog is read over the read pool: buyers holding every purchase connection do not blind it.
        return new WatchingTheOutbox(reads.outbox(), alerts, clock, donut.outbox().stuckAfter());
    }
}
