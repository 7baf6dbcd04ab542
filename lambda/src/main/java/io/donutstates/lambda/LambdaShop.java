package io.donutstates.lambda;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.alerting.AlertChannel;
import io.donutstates.alerting.DeliveringAlerts;
import io.donutstates.alerting.JdbcAlerts;
import io.donutstates.alerting.WebhookAlertChannel;
import io.donutstates.factory.CircuitBreakingFactory;
import io.donutstates.factory.HttpFactory;
import io.donutstates.factory.JdbcFactoryDirectory;
import io.donutstates.housekeeping.JdbcPurgeableTables;
import io.donutstates.housekeeping.PurgingHistory;
import io.donutstates.housekeeping.RetentionPeriods;
import io.donutstates.http.AnswerJson;
import io.donutstates.http.SalesEndpoints;
import io.donutstates.messaging.JdbcOutbox;
import io.donutstates.messaging.Outbox;
import io.donutstates.messaging.RelayBackoff;
import io.donutstates.messaging.RelayFailureLog;
import io.donutstates.messaging.RelayingOutbox;
import io.donutstates.messaging.WatchingTheOutbox;
import io.donutstates.messaging.SnsStockTopic;
import io.donutstates.messaging.SqsClients;
import io.donutstates.messaging.SqsQueues;
import io.donutstates.messaging.SqsStockTopic;
import io.donutstates.messaging.QueueSettings;
import io.donutstates.messaging.StockMessageHandling;
import io.donutstates.messaging.StockQueueVerdicts;
import io.donutstates.messaging.StockTopic;
import io.donutstates.replenishment.DeliveryCallbacks;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.JdbcReplenishments;
import io.donutstates.replenishment.NoticingFactoryOutages;
import io.donutstates.replenishment.OrderingFromFactory;
import io.donutstates.replenishment.ReceivingDelivery;
import io.donutstates.replenishment.Replenishments;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.replenishment.SweepingStuckReplenishments;
import io.donutstates.sales.JdbcSaleReceipts;
import io.donutstates.sales.JdbcSales;
import io.donutstates.sales.Selling;
import io.donutstates.sales.SellingOnce;
import io.donutstates.shared.Database;
import io.donutstates.shared.JdbcShopSecrets;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.JdbcStock;
import io.donutstates.stock.JdbcStockLedger;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The shop as a Lambda container holds it: built once per container (at init, so SnapStart
 * snapshots it) from the same environment variables as the service, and wired from the same core
 * use cases and adapters as the service's {@code CoreWiring}/{@code MessagingWiring}, without Spring.
 * The SQS and SNS clients are made on first use, so a function that never queues pays nothing for them.
 * Migrations are not run here: {@link MigrationHandler} runs them on deploy.
 */
public final class LambdaShop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LambdaShop.class);
    /** One request at a time per container: two connections cover a request plus a nested read. */
    static final int DEFAULT_POOL_SIZE = 2;

    private final LambdaSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final HikariDataSource dataSource;
    private final Stock stock;
    private final StockLedger ledger;
    private final Replenishments replenishments;
    private final Outbox outbox;
    private final Selling selling;
    private final SellingOnce sellingOnce;
    private final SalesEndpoints salesEndpoints;
    private final DeliveryCallbacks callbacks;
    private final ReceivingDelivery receivingDelivery;
    private final GivingUpReplenishment givingUp;
    private final SweepingStuckReplenishments sweeping;
    private final io.donutstates.audit.FollowingTheLedger followingTheLedger;
    private final RelayingOutbox relaying;
    private final WatchingTheOutbox watchingTheOutbox;
    private final StockMessageHandling stockMessages;
    private final NoticingFactoryOutages noticingOutages;
    private final JdbcAlerts alerts;
    private final DeliveringAlerts deliveringAlerts;
    private final PurgingHistory purging;
    private final Lazy<SqsClient> sqs;
    private final Lazy<SnsClient> sns;
    private final Lazy<SqsQueues> queues = new Lazy<>(this::findQueues);
    private final Lazy<StockQueueVerdicts> stockQueueVerdicts = new Lazy<>(
            () -> new StockQueueVerdicts(sqs(), queues()));
    private final Map<String, String> queueUrlsByArn = new ConcurrentHashMap<>();
    private final Resource snapStartHook;

    /** For AWS: the container's environment. */
    public static LambdaShop fromEnvironment() {
        return new LambdaShop(LambdaSettings.from(System.getenv()));
    }

    public LambdaShop(LambdaSettings settings) {
        this.settings = settings;
        this.dataSource = Database.open(DatabaseSettings.from(settings, DEFAULT_POOL_SIZE));
        try {
            Transactions transactions = new SpringJdbcTransactions(dataSource);
            this.sqs = new Lazy<>(() -> SqsClients.sqs(settings.uri("DONUT_SQS_ENDPOINT"), settings.region()));
            this.sns = new Lazy<>(() -> SqsClients.sns(settings.uri("DONUT_SNS_ENDPOINT"), settings.region()));
            // As the service: each alert is recorded once per incident, then delivered to every channel with retries.
            List<AlertChannel> channels = alertChannels();
            this.alerts = new JdbcAlerts(dataSource, channels.stream().map(AlertChannel::name).toList(), clock);
            this.deliveringAlerts = new DeliveringAlerts(alerts, channels, transactions, clock, (channel, ok) -> {
                if (!ok) {
                    log.warn("alert delivery to {} failed; it is tried again later", channel);
                }
            });
            this.stock = new JdbcStock(dataSource);
            this.ledger = new JdbcStockLedger(dataSource);
            this.replenishments = new JdbcReplenishments(dataSource);
            this.outbox = new JdbcOutbox(dataSource);
            var starting = new StartingReplenishment(replenishments, outbox, clock);
            this.selling = new Selling(stock, new JdbcSales(dataSource), ledger, starting, transactions, clock);
            this.sellingOnce = new SellingOnce(selling, new JdbcSaleReceipts(dataSource, replenishments),
                    transactions, clock);
            this.salesEndpoints = new SalesEndpoints(selling, sellingOnce);
            this.callbacks = new DeliveryCallbacks(this::publicUrl, callbackSecret());
            this.receivingDelivery = new ReceivingDelivery(replenishments, stock, ledger, callbacks, transactions, alerts,
                    io.donutstates.replenishment.OverDeliveryTolerance.parse(
                            settings.text("DONUT_FACTORY_OVER_DELIVERY_TOLERANCE", "0")), clock);
            this.givingUp = new GivingUpReplenishment(replenishments, alerts, clock);
            var http = new HttpFactory(
                    new JdbcFactoryDirectory(dataSource, io.donutstates.shared.SettingUrl.parse("DONUT_FACTORY_URL",
                            settings.text("DONUT_FACTORY_URL", "http://127.0.0.1:8081"))),
                    settings.duration("DONUT_FACTORY_TIMEOUT", Duration.ofSeconds(5)),
                    settings.text("DONUT_FACTORY_REQUESTER", "Donut-States"));
            // Per container, so it only spares a factory the calls of this container while it is warm.
            var factory = new CircuitBreakingFactory(http,
                    settings.duration("DONUT_FACTORY_CIRCUIT_OPEN_FOR", Duration.ofSeconds(30)), clock);
            var ordering = new OrderingFromFactory(replenishments, factory, callbacks, clock,
                    settings.duration("DONUT_REPLENISHMENT_ORDER_LEASE", Duration.ofSeconds(60)));
            Duration giveUpAfter = settings.duration("DONUT_FACTORY_GIVE_UP_AFTER", Duration.ofMinutes(10));
            this.stockMessages = new StockMessageHandling(ordering, givingUp, new StockMessageHandling.Retries(
                    maxReceiveCount(), settings.duration("DONUT_QUEUE_FIRST_RETRY_DELAY", Duration.ofSeconds(1)),
                    settings.duration("DONUT_QUEUE_MAX_RETRY_DELAY", Duration.ofSeconds(60)), giveUpAfter),
                    clock, outcome -> { });
            this.noticingOutages = new NoticingFactoryOutages(replenishments, alerts, clock,
                    settings.duration("DONUT_FACTORY_OUTAGE_ALERT_AFTER", Duration.ofMinutes(2)), giveUpAfter);
            this.sweeping = new SweepingStuckReplenishments(replenishments, outbox, givingUp, transactions, clock,
                    settings.duration("DONUT_REPLENISHMENT_DEADLINE", Duration.ofMinutes(3)),
                    settings.integer("DONUT_REPLENISHMENT_MAX_REORDERS", 2),
                    settings.duration("DONUT_REPLENISHMENT_REQUEUE_AFTER", Duration.ofMinutes(2)));
            // The same backoff as the service's relay: an event the topic refused waits its own growing delay.
            this.relaying = new RelayingOutbox(outbox, stockTopic(), transactions, clock,
                    settings.integer("DONUT_OUTBOX_BATCH_SIZE", 50), relayBackoff(settings), new RelayFailureLog(clock));
            this.watchingTheOutbox = new WatchingTheOutbox(outbox, alerts, clock,
                    settings.duration("DONUT_OUTBOX_STUCK_AFTER", Duration.ofSeconds(60)));
            this.followingTheLedger = new io.donutstates.audit.FollowingTheLedger(
                    new io.donutstates.audit.JdbcLedgerAudits(dataSource), alerts, transactions, clock);
            // The schedule of ScheduledJobsFunction (every minute) is the purge interval here.
            this.purging = new PurgingHistory(new JdbcPurgeableTables(dataSource), transactions, clock,
                    retention(settings), settings.integer("DONUT_PURGE_BATCH_SIZE", 1000),
                    PurgingHistory.MAX_BATCHES_PER_RUN);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.snapStartHook = new SnapStartHook();
        Core.getGlobalContext().register(snapStartHook);
    }

    /** How long each kind of history is kept; a value below its shortest stops the container's init, naming it. */
    static RetentionPeriods retention(LambdaSettings settings) {
        var defaults = RetentionPeriods.DEFAULTS;
        try {
            return new RetentionPeriods(settings.duration("DONUT_RETENTION_OUTBOX", defaults.publishedEvents()),
                    settings.duration("DONUT_RETENTION_IDEMPOTENCY_KEYS", defaults.idempotencyKeys()),
                    settings.duration("DONUT_RETENTION_ALERTS", defaults.deliveredAlerts()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("DONUT_RETENTION_OUTBOX, DONUT_RETENTION_IDEMPOTENCY_KEYS, "
                    + "DONUT_RETENTION_ALERTS: " + e.getMessage());
        }
    }

    /** The relay's retry delays; a first delay longer than the longest stops the container's init, naming both. */
    static RelayBackoff relayBackoff(LambdaSettings settings) {
        var defaults = RelayBackoff.DEFAULTS;
        try {
            return new RelayBackoff(settings.duration("DONUT_OUTBOX_FIRST_RETRY_DELAY", defaults.first()),
                    settings.duration("DONUT_OUTBOX_MAX_RETRY_DELAY", defaults.max()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("DONUT_OUTBOX_FIRST_RETRY_DELAY, DONUT_OUTBOX_MAX_RETRY_DELAY: "
                    + e.getMessage());
        }
    }

    /** The topic behind the outbox: SNS when DONUT_SNS_TOPIC_ARN is set (AWS), else straight to stock_queue (local). */
    private StockTopic stockTopic() {
        var topicArn = settings.optional("DONUT_SNS_TOPIC_ARN");
        Lazy<StockTopic> topic = new Lazy<>(() -> topicArn.<StockTopic>map(arn -> new SnsStockTopic(sns.get(), arn))
                .orElseGet(() -> new SqsStockTopic(sqs.get(), queues.get())));
        return event -> topic.get().publish(event);
    }

    /** The log always (JdbcAlerts logs each new alert); a Slack-compatible webhook and the ops topic when configured. */
    private List<AlertChannel> alertChannels() {
        List<AlertChannel> channels = new ArrayList<>();
        settings.uri("DONUT_ALERT_WEBHOOK_URL").ifPresent(url -> channels.add(new WebhookAlertChannel(url)));
        settings.optional("DONUT_ALERT_TOPIC_ARN").ifPresent(arn -> channels.add(new SnsAlertChannel(sns, arn)));
        return channels;
    }

    /** The queues by name, as the service finds them (the dead-letter peek needs both); nothing is created. */
    public SqsQueues queues() {
        return queues.get();
    }

    /** Both queues by name (GetQueueUrl); nothing is created: on AWS the template made them. */
    private SqsQueues findQueues() {
        return new SqsQueues(sqs.get(), new QueueSettings(
                settings.text("DONUT_QUEUE_STOCK_QUEUE", "stock_queue"),
                settings.text("DONUT_QUEUE_DEAD_LETTER_QUEUE", "dead_letter_queue"),
                maxReceiveCount(), Duration.ofSeconds(30), false));
    }

    private byte[] callbackSecret() {
        return settings.optional("DONUT_CALLBACK_SECRET")
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                // The same key the service makes for itself, shared through the database by every function.
                .orElseGet(() -> new JdbcShopSecrets(dataSource).getOrCreate("callback-signing-key"));
    }

    private String publicUrl() {
        return settings.optional("DONUT_PUBLIC_URL").orElseThrow(() -> new IllegalStateException(
                "DONUT_PUBLIC_URL is not set: the factory would have no callback URL"));
    }

    private String queueUrlNamed(String name) {
        return sqs.get().getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    int maxReceiveCount() {
        return settings.integer("DONUT_QUEUE_MAX_RECEIVE_COUNT", 5);
    }

    /**
     * The URL of the queue an SQS event came from: the configured stock_queue URL when the ARN names
     * it (no extra permission needed), else looked up by name once.
     */
    String queueUrlOf(String queueArn) {
        return queueUrlsByArn.computeIfAbsent(queueArn, arn -> {
            String name = arn.substring(arn.lastIndexOf(':') + 1);
            var configured = settings.optional("DONUT_QUEUE_STOCK_QUEUE_URL");
            if (configured.isPresent() && configured.get().endsWith("/" + name)) {
                return configured.get();
            }
            return queueUrlNamed(name);
        });
    }

    /**
     * Runs the code paths a first request needs (JDBC driver, pool, SQL, JSON) without changing
     * anything, so that a SnapStart snapshot holds them warm.
     */
    public void prime() {
        AnswerJson.text(stock.all().stream().map(io.donutstates.stock.ProductView::of).toList());
        replenishments.list(Optional.empty(), 1);
        sqs.get();
        if (settings.optional("DONUT_SNS_TOPIC_ARN").isPresent()) {
            sns.get();
        }
    }

    public LambdaSettings settings() {
        return settings;
    }

    public Stock stock() {
        return stock;
    }

    public StockLedger ledger() {
        return ledger;
    }

    public Replenishments replenishments() {
        return replenishments;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Selling selling() {
        return selling;
    }

    public SellingOnce sellingOnce() {
        return sellingOnce;
    }

    /** The purchase endpoints: one sale per purchase, as a Lambda serves one request at a time. */
    public SalesEndpoints salesEndpoints() {
        return salesEndpoints;
    }

    public DeliveryCallbacks callbacks() {
        return callbacks;
    }

    public ReceivingDelivery receivingDelivery() {
        return receivingDelivery;
    }

    public GivingUpReplenishment givingUp() {
        return givingUp;
    }

    public SweepingStuckReplenishments sweeping() {
        return sweeping;
    }

    public io.donutstates.audit.FollowingTheLedger followingTheLedger() {
        return followingTheLedger;
    }

    public WatchingTheOutbox watchingTheOutbox() {
        return watchingTheOutbox;
    }

    public RelayingOutbox relaying() {
        return relaying;
    }

    public StockMessageHandling stockMessages() {
        return stockMessages;
    }

    public StockQueueVerdicts stockQueueVerdicts() {
        return stockQueueVerdicts.get();
    }

    public NoticingFactoryOutages noticingOutages() {
        return noticingOutages;
    }

    public JdbcAlerts alerts() {
        return alerts;
    }

    public DeliveringAlerts deliveringAlerts() {
        return deliveringAlerts;
    }

    public PurgingHistory purging() {
        return purging;
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        sqs.ifMade(SqsClient::close);
        sns.ifMade(SnsClient::close);
        dataSource.close();
    }

    /** SnapStart: warm the paths before the snapshot, and take no open connection into it. */
    private final class SnapStartHook implements Resource {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            try {
                prime();
            } catch (RuntimeException e) {
                log.warn("priming before the SnapStart snapshot failed: {}", e.toString());
            }
            var pool = dataSource.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
            // Connections are opened again on demand; nothing else holds the old network state.
        }
    }

    /** A value made on first use, once. */
    static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> maker;
        private volatile T value;

        Lazy(Supplier<T> maker) {
            this.maker = maker;
        }

        @Override
        public T get() {
            T made = value;
            if (made == null) {
                synchronized (this) {
                    made = value;
                    if (made == null) {
                        made = maker.get();
                        value = made;
                    }
                }
            }
            return made;
        }

        void ifMade(java.util.function.Consumer<T> action) {
            T made = value;
            if (made != null) {
                action.accept(made);
            }
        }
    }
}
