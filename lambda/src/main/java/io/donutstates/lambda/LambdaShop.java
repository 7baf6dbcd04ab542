package io.donutstates.lambda;

import io.donutstates.replenishment.StockEvent;
import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.alerting.RecentAlerts;
import io.donutstates.http.DeadLetterEndpoints;
import io.donutstates.messaging.WatchingDeadLetters;
import io.donutstates.alerting.AlertChannel;
import io.donutstates.alerting.DeliveringAlerts;
import io.donutstates.alerting.JdbcAlerts;
import io.donutstates.audit.FollowingTheLedger;
import io.donutstates.housekeeping.PurgingHistory;
import io.donutstates.housekeeping.RetentionPeriods;
import io.donutstates.http.AnswerJson;
import io.donutstates.http.FactoryCallbackEndpoint;
import io.donutstates.http.ReadEndpoints;
import io.donutstates.http.SalesEndpoints;
import io.donutstates.messaging.Outbox;
import io.donutstates.messaging.RelayBackoff;
import io.donutstates.messaging.RelayingOutbox;
import io.donutstates.messaging.SqsClients;
import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.messaging.SqsQueues;
import io.donutstates.messaging.StockMessageHandling;
import io.donutstates.messaging.StockQueueVerdicts;
import io.donutstates.messaging.WatchingTheOutbox;
import io.donutstates.replenishment.DeliveryCallbacks;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.NoticingFactoryOutages;
import io.donutstates.replenishment.ReceivingDelivery;
import io.donutstates.replenishment.RedrivingReplenishment;
import io.donutstates.replenishment.ReplenishmentViews;
import io.donutstates.replenishment.Replenishments;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.replenishment.SweepingStuckReplenishments;
import io.donutstates.sales.Selling;
import io.donutstates.sales.SellingOnce;
import io.donutstates.shared.Database;
import io.donutstates.shop.Once;
import io.donutstates.shop.SettingsFromEnvironment;
import io.donutstates.shop.Shop;
import io.donutstates.shop.ShopRuntime;
import io.donutstates.shop.ShopSettings;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The shop as a Lambda container holds it: the same {@link Shop} composition root as the service,
 * built once per container (at init, so SnapStart snapshots it) from the same {@code DONUT_*}
 * variables and defaults ({@link ShopSettings}). What is a Lambda's own stays here: a small pool
 * (one request at a time), the database password from Secrets Manager, SQS and SNS clients made on
 * first use (a function that never queues pays nothing for them), queues found but never created,
 * one sale per purchase, and the SnapStart hook. Migrations are not run here: {@link MigrationHandler}
 * runs them on deploy.
 */
public final class LambdaShop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LambdaShop.class);
    /**
     * One request at a time per container: one connection for its writes (a transaction, or the
     * statements around it), and one more of the read pool for the anonymous reads, opened on the first.
     */
    static final int DEFAULT_POOL_SIZE = 1;

    private final LambdaSettings settings;
    private final HikariDataSource dataSource;
    /**
     * The reads anyone may ask for (catalog, listings), over one connection of their own, opened on the
     * first read, on which the server stops any statement after {@code DONUT_DB_READ_TIMEOUT}.
     */
    private final HikariDataSource reads;
    private final Once<SqsClient> sqs;
    private final Once<SnsClient> sns;
    private final Shop shop;
    private final Map<String, String> queueUrlsByArn = new ConcurrentHashMap<>();
    private final Resource snapStartHook;

    /** For AWS: the container's environment. */
    public static LambdaShop fromEnvironment() {
        return new LambdaShop(LambdaSettings.from(System.getenv()));
    }

    public LambdaShop(LambdaSettings settings) {
        this.settings = settings;
        var shopSettings = shopSettings(settings);
        var database = DatabaseSettings.from(settings, DEFAULT_POOL_SIZE);
        this.dataSource = Database.open(database);
        HikariDataSource readPool = null;
        try {
            readPool = Database.openReads(new Database.Settings(database.url(), database.user(), database.password(),
                            1, database.connectTimeout()), shopSettings.db().readTimeout(), Database.isMariaDb(dataSource),
                    config -> config.setMinimumIdle(0));
            this.reads = readPool;
            this.sqs = new Once<>(() -> SqsClients.sqs(settings.uri("DONUT_SQS_ENDPOINT"), settings.region()));
            this.sns = new Once<>(() -> SqsClients.sns(settings.uri("DONUT_SNS_ENDPOINT"), settings.region()));
            this.shop = new Shop(shopSettings, new ShopRuntime(Clock.systemUTC(), dataSource, reads, sqs, sns,
                    LambdaShop::noPublicUrl, factories -> alertTopic(settings), outcome -> { }, (channel, ok) -> {
                        if (!ok) {
                            log.warn("alert delivery to {} failed; it is tried again later", channel);
                        }
                    }));
        } catch (RuntimeException e) {
            if (readPool != null) {
                readPool.close();
            }
            dataSource.close();
            throw e;
        }
        this.snapStartHook = new SnapStartHook();
        Core.getGlobalContext().register(snapStartHook);
    }

    /**
     * The shop's settings from the container's variables, with the service's defaults; the queues are
     * only found (on AWS the template made them) and each purchase is sold on its own. A bad value
     * stops the container's init, naming the variable.
     */
    static ShopSettings shopSettings(LambdaSettings settings) {
        ShopSettings read;
        try {
            // The region of the AWS clients: DONUT_SQS_REGION, else the Lambda's own.
            read = SettingsFromEnvironment.read(name -> name.equals("DONUT_SQS_REGION")
                    ? Optional.of(settings.region()) : settings.optional(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return read.withQueue(read.queue().foundOnly()).withSales(read.sales().asPlain());
    }

    /** How long each kind of history is kept; a value below its shortest stops the container's init, naming it. */
    static RetentionPeriods retention(LambdaSettings settings) {
        return shopSettings(settings).retention().periods();
    }

    /** The relay's retry delays; a first delay longer than the longest stops the container's init, naming both. */
    static RelayBackoff relayBackoff(LambdaSettings settings) {
        return shopSettings(settings).outbox().backoff();
    }

    private static String noPublicUrl() {
        throw new IllegalStateException("DONUT_PUBLIC_URL is not set: the factory would have no callback URL");
    }

    /** Besides the log and the webhook: the stack's ops topic when configured, where the service would send e-mail. */
    private List<AlertChannel> alertTopic(LambdaSettings settings) {
        return settings.optional("DONUT_ALERT_TOPIC_ARN").<List<AlertChannel>>map(arn -> List.of(
                new SnsAlertChannel(sns, arn))).orElse(List.of());
    }

    /** The queues by name, as the service finds them (the dead-letter peek needs both); nothing is created. */
    public SqsQueues queues() {
        return shop.queues();
    }

    private String queueUrlNamed(String name) {
        return sqs.get().getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    int maxReceiveCount() {
        return shop.settings().queue().maxReceiveCount();
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
        AnswerJson.text(shop.reads().endpoints().products().body());
        shop.reads().replenishments().list(Optional.empty(), 1);
        sqs.get();
        if (shop.settings().sns().configured()) {
            sns.get();
        }
    }

    public LambdaSettings settings() {
        return settings;
    }

    /** The shop's settings as read from the container's variables. */
    public ShopSettings shopSettings() {
        return shop.settings();
    }

    /** The composition root every handler calls into. */
    /** Sends the spans of this invocation before the function is frozen (nothing to do without an exporter). */
    public void flushTraces() {
        shop.tracing().flush();
    }

    public Shop shop() {
        return shop;
    }

    public Stock stock() {
        return shop.books().stock();
    }

    public StockLedger ledger() {
        return shop.books().ledger();
    }

    public Replenishments replenishments() {
        return shop.books().replenishments();
    }

    /** The replenishments as the ops summary and the tests read them. */
    public ReplenishmentViews replenishmentViews() {
        return shop.reads().replenishments();
    }

    public Outbox<StockEvent> outbox() {
        return shop.books().outbox();
    }

    public Selling selling() {
        return shop.sales().selling();
    }

    public SellingOnce sellingOnce() {
        return shop.sales().sellingOnce();
    }

    /** The purchase endpoints: one sale per purchase, as a Lambda serves one request at a time. */
    public SalesEndpoints salesEndpoints() {
        return shop.sales().endpoints();
    }

    /** The read endpoints (catalog, ledger, replenishments). */
    public ReadEndpoints readEndpoints() {
        return shop.reads().endpoints();
    }

    /** The factory's "production complete" callback. */
    public FactoryCallbackEndpoint factoryCallbackEndpoint() {
        return shop.replenishing().callbackEndpoint();
    }

    public DeliveryCallbacks callbacks() {
        return shop.replenishing().callbacks();
    }

    public ReceivingDelivery receivingDelivery() {
        return shop.replenishing().receiving();
    }

    public GivingUpReplenishment givingUp() {
        return shop.replenishing().givingUp();
    }

    public RedrivingReplenishment redriving() {
        return shop.replenishing().redriving();
    }

    public SweepingStuckReplenishments sweeping() {
        return shop.replenishing().sweeping();
    }

    public FollowingTheLedger followingTheLedger() {
        return shop.audit().following();
    }

    public WatchingTheOutbox watchingTheOutbox() {
        return shop.watchingTheOutbox();
    }

    public RelayingOutbox<StockEvent> relaying() {
        return shop.relaying();
    }

    public StockMessageHandling stockMessages() {
        return shop.replenishing().stockMessages();
    }

    public StockQueueVerdicts stockQueueVerdicts() {
        return shop.stockQueueVerdicts();
    }

    /** {@code dead_letter_queue}, listed without being consumed; found on first use. */
    public SqsDeadLetters deadLetters() {
        return shop.deadLetters();
    }

    public NoticingFactoryOutages noticingOutages() {
        return shop.replenishing().noticingOutages();
    }

    public JdbcAlerts alerts() {
        return shop.alerting().alerts();
    }

    /** The newest alerts, as the ops summary shows them. */
    public RecentAlerts recentAlerts() {
        return shop.alerting().alerts();
    }

    /** How many messages wait in {@code stock_queue} and in {@code dead_letter_queue}, read now. */
    public record QueueDepths(long stockQueue, long deadLetterQueue) { }

    public QueueDepths queueDepths() {
        var queues = shop.queues();
        return new QueueDepths(queues.depth(queues.stockQueueUrl()), queues.depth(queues.deadLetterQueueUrl()));
    }

    /** The schedule's look at {@code dead_letter_queue}. */
    public WatchingDeadLetters watchingDeadLetters() {
        return new WatchingDeadLetters(shop::deadLetters, givingUp());
    }

    /** The dead-letter admin endpoints; {@code afterRedrive} runs after a redrive (the handler relays at once). */
    public DeadLetterEndpoints deadLetterEndpoints(Runnable afterRedrive) {
        return new DeadLetterEndpoints(shop::deadLetters, redriving(), afterRedrive);
    }

    public DeliveringAlerts deliveringAlerts() {
        return shop.alerting().delivering();
    }

    public PurgingHistory purging() {
        return shop.purging();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** The anonymous reads' connection, with the server-side statement timeout. */
    public HikariDataSource readPool() {
        return reads;
    }

    @Override
    public void close() {
        sqs.ifMade(SqsClient::close);
        sns.ifMade(SnsClient::close);
        reads.close();
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
            for (var pool : List.of(dataSource, reads)) {
                var beans = pool.getHikariPoolMXBean();
                if (beans != null) {
                    beans.softEvictConnections();
                }
            }
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
            // Connections are opened again on demand; nothing else holds the old network state.
        }
    }
}
