package io.donutstates.shop;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.alerting.AlertChannel;
import io.donutstates.alerting.DeliveringAlerts;
import io.donutstates.alerting.JdbcAlerts;
import io.donutstates.alerting.WebhookAlertChannel;
import io.donutstates.audit.ArchivingTheLedger;
import io.donutstates.backorder.BackorderNotice;
import io.donutstates.backorder.Backordering;
import io.donutstates.backorder.CancellingBackorder;
import io.donutstates.backorder.DemandSizedOrders;
import io.donutstates.backorder.ExpiringBackorders;
import io.donutstates.backorder.FulfillingBackorders;
import io.donutstates.backorder.HttpBuyerNotifier;
import io.donutstates.backorder.JdbcBackorderNotices;
import io.donutstates.backorder.JdbcBackorders;
import io.donutstates.audit.FollowingTheLedger;
import io.donutstates.audit.JdbcLedgerArchive;
import io.donutstates.audit.JdbcLedgerAudits;
import io.donutstates.audit.ReplayingTheLedger;
import io.donutstates.factory.CircuitBreakingFactory;
import io.donutstates.factory.HttpFactory;
import io.donutstates.factory.JdbcFactoryDirectory;
import io.donutstates.housekeeping.JdbcPurgeableTables;
import io.donutstates.housekeeping.JdbcTableSizes;
import io.donutstates.housekeeping.PurgingHistory;
import io.donutstates.http.BackorderEndpoints;
import io.donutstates.http.FactoryCallbackEndpoint;
import io.donutstates.http.ReadEndpoints;
import io.donutstates.http.LedgerAuditEndpoints;
import io.donutstates.http.SalesEndpoints;
import io.donutstates.messaging.JdbcOutbox;
import io.donutstates.messaging.Outbox;
import io.donutstates.messaging.QueueSettings;
import io.donutstates.messaging.RelayFailureLog;
import io.donutstates.messaging.RelayingOutbox;
import io.donutstates.messaging.SnsStockTopic;
import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.messaging.SqsQueues;
import io.donutstates.messaging.SqsStockTopic;
import io.donutstates.messaging.StockMessageHandling;
import io.donutstates.messaging.StockQueueVerdicts;
import io.donutstates.messaging.StockTopic;
import io.donutstates.messaging.StockTopicCheck;
import io.donutstates.messaging.TracedStockTopic;
import io.donutstates.messaging.WatchingTheOutbox;
import io.donutstates.replenishment.DeliveryCallbacks;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.JdbcReplenishments;
import io.donutstates.replenishment.NoticingFactoryOutages;
import io.donutstates.replenishment.OrderingFromFactory;
import io.donutstates.replenishment.ReceivingDelivery;
import io.donutstates.replenishment.RedrivingReplenishment;
import io.donutstates.replenishment.ReplenishmentViews;
import io.donutstates.replenishment.Replenishments;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.replenishment.SweepingStuckReplenishments;
import io.donutstates.sales.Checkout;
import io.donutstates.sales.CombinedCheckout;
import io.donutstates.sales.JdbcSaleReceipts;
import io.donutstates.sales.JdbcSales;
import io.donutstates.sales.Selling;
import io.donutstates.sales.SellingOnce;
import io.donutstates.shared.JdbcShopSecrets;
import io.donutstates.shared.SettingUrl;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.shared.StartRefused;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.AdjustingStock;
import io.donutstates.stock.JdbcStock;
import io.donutstates.stock.JdbcStockAudit;
import io.donutstates.stock.JdbcStockLedger;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.tracing.ShopTracing;
import io.donutstates.tracing.TracedBatches;
import io.donutstates.tracing.TracingSdk;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The composition root: the whole shop put together once, in plain Java, from {@link ShopSettings}
 * and what the runtime hands over ({@link ShopRuntime}). The Spring service exposes its parts as
 * beans and the Lambda functions call them; neither builds a use case or an adapter of its own.
 * Nothing here talks to the network while being built: the queues and the stock topic are found on
 * first use (the service asks for them at start, so a queue server it cannot reach refuses the start).
 */
public final class Shop {

    /** The books the use cases write, over the writers' pool. */
    public record Books(Transactions transactions, Stock stock, StockLedger ledger, Replenishments replenishments,
                        Outbox<StockEvent> outbox) { }

    /** Purchases and stock counts, and their HTTP contract. */
    public record Sales(Selling selling, Checkout checkout, SellingOnce sellingOnce, AdjustingStock adjusting,
                        SalesEndpoints endpoints) { }

    /** From a shortage to the factory and back: ordering, delivery, giving up, the sweep and the redrive. */
    public record Replenishing(DeliveryCallbacks callbacks, ReceivingDelivery receiving,
                               FactoryCallbackEndpoint callbackEndpoint, JdbcFactoryDirectory factories,
                               CircuitBreakingFactory factory, OrderingFromFactory ordering,
                               GivingUpReplenishment givingUp, RedrivingReplenishment redriving,
                               SweepingStuckReplenishments sweeping, NoticingFactoryOutages noticingOutages,
                               StockMessageHandling stockMessages) { }

    /**
     * Backorders: buyers who wait for the next delivery, served from it first; their cancel, their
     * expiry, the notices to their buyers (relayed from the notice outbox) and the HTTP contract.
     */
    public record Backorders(JdbcBackorders books, JdbcBackorders views, Backordering backordering,
                             FulfillingBackorders fulfilling, CancellingBackorder cancelling,
                             ExpiringBackorders expiring, RelayingOutbox<BackorderNotice> notifying,
                             WatchingTheOutbox watchingNotices, BackorderEndpoints endpoints) { }

    /**
     * A buyer's notice still not taken after this long raises one {@code OUTBOX_STUCK} alert (and the
     * {@code notices} health component turns DEGRADED): one endpoint down that long, or notices that
     * cannot leave the shop at all.
     */
    public static final Duration NOTICES_STUCK_AFTER = Duration.ofMinutes(15);

    /** Alerts: recorded once per incident, then delivered to every channel. */
    public record Alerting(List<AlertChannel> channels, JdbcAlerts alerts, DeliveringAlerts delivering) { }

    /** The ledger audit: the live track, the operator's replay and the archive. */
    public record Audit(JdbcStockAudit stockAudit, JdbcLedgerAudits audits, FollowingTheLedger following,
                        ReplayingTheLedger replaying, ArchivingTheLedger archiving) {

        /** The books' admin endpoints: invariants, replay and archive. */
        public LedgerAuditEndpoints endpoints() {
            return new LedgerAuditEndpoints(stockAudit, replaying, archiving);
        }
    }

    /**
     * What anyone may read, over the read pool (the server stops each statement after
     * {@code DONUT_DB_READ_TIMEOUT}), and the read endpoints' HTTP contract.
     */
    public record Reads(Stock stock, StockLedger ledger, ReplenishmentViews replenishments, JdbcAlerts alerts,
                        JdbcStockAudit audit, Outbox<StockEvent> outbox, JdbcTableSizes tableSizes,
                        ReadEndpoints endpoints) { }

    /**
     * Notices posted per relay batch. They are posted with no transaction open; the batch's rows are
     * held for a lease longer than posting all of them can take ({@link #noticeLease}).
     */
    private static final int NOTICES_PER_BATCH = 5;

    /** Posting a batch of notices takes at most a connect and a request timeout each; a margin on top. */
    static Duration noticeLease(Duration notifyTimeout) {
        return notifyTimeout.multipliedBy(2L * NOTICES_PER_BATCH).plusSeconds(30);
    }

    private final ShopSettings settings;
    private final ShopRuntime runtime;
    private final Books books;
    private final Sales sales;
    private final Backorders backorders;
    private final Replenishing replenishing;
    private final Alerting alerting;
    private final Audit audit;
    private final Reads reads;
    private final PurgingHistory purging;
    private final Once<SqsQueues> queues;
    private final Once<StockTopic<StockEvent>> stockTopic;
    private final Once<SqsDeadLetters> deadLetters;
    private final Once<StockQueueVerdicts> stockQueueVerdicts;
    private final RelayingOutbox<StockEvent> relaying;
    private final WatchingTheOutbox watchingTheOutbox;
    private final ShopTracing tracing;

    public Shop(ShopSettings settings, ShopRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
        this.tracing = ShopTracing.of(runtime.openTelemetry() != null ? runtime.openTelemetry()
                : TracingSdk.build(settings.tracing(), System::getenv));
        var clock = runtime.clock();
        var writes = runtime.writes();
        Transactions transactions = new SpringJdbcTransactions(writes);
        var replenishments = new JdbcReplenishments(writes);
        var outbox = new JdbcOutbox(writes);
        this.books = new Books(transactions, new JdbcStock(writes), new JdbcStockLedger(writes), replenishments,
                outbox);

        var factories = new JdbcFactoryDirectory(writes, SettingUrl.parse("DONUT_FACTORY_URL", settings.factory().url()));
        this.alerting = alerting(settings, runtime, factories, transactions);
        var alerts = alerting.alerts();

        this.queues = new Once<>(() -> findQueues(settings, runtime));
        Once<StockTopic<StockEvent>> brokerTopic = new Once<>(() -> settings.sns().configured()
                ? new SnsStockTopic(runtime.sns().get(), settings.sns().topicArn().strip())
                : new SqsStockTopic(runtime.sqs().get(), queues.get()));
        this.stockTopic = new Once<>(() -> new TracedStockTopic(brokerTopic, outbox::traceparentOf, tracing));
        this.deadLetters = new Once<>(() -> new SqsDeadLetters(runtime.sqs().get(), queues.get()));
        this.stockQueueVerdicts = new Once<>(() -> new StockQueueVerdicts(runtime.sqs().get(), queues.get()));

        var backorderBooks = new JdbcBackorders(writes);
        var notices = new JdbcBackorderNotices(writes);
        var starting = new StartingReplenishment(replenishments, outbox, clock,
                new DemandSizedOrders(backorderBooks, backorderBooks));
        var selling = new Selling(books.stock(), new JdbcSales(writes), books.ledger(), starting, transactions, clock);
        var tracedBatches = new TracedBatches(tracing);
        Checkout checkout = settings.sales().plain() ? selling
                : tracedBatches.checkout(new CombinedCheckout(tracedBatches.selling(books.stock(), new JdbcSales(writes),
                        books.ledger(), starting, transactions, clock), settings.sales().maxBatch(),
                        saleLaneWorkers(settings.sales().laneWorkers())));
        var sellingOnce = new SellingOnce(selling, new JdbcSaleReceipts(writes, replenishments), transactions, clock);
        this.backorders = backorders(settings, runtime, backorderBooks, notices, starting, checkout, sellingOnce,
                alerts);
        this.sales = new Sales(selling, checkout, sellingOnce,
                new AdjustingStock(books.stock(), books.ledger(), transactions, clock),
                new SalesEndpoints(checkout, sellingOnce, backorders.backordering(), tracing));

        this.replenishing = replenishing(settings, runtime, factories, alerts);

        this.relaying = new RelayingOutbox<>(outbox, event -> stockTopic.get().publish(event), transactions, clock,
                settings.outbox().batchSize(), settings.outbox().backoff(), new RelayFailureLog<>(clock));

        var readPool = runtime.reads();
        var readStock = new JdbcStock(readPool);
        var readLedger = new JdbcStockLedger(readPool);
        var readReplenishments = new JdbcReplenishments(readPool);
        var readOutbox = new JdbcOutbox(readPool);
        this.reads = new Reads(readStock, readLedger, readReplenishments,
                new JdbcAlerts(readPool, List.of(), clock), new JdbcStockAudit(readPool), readOutbox,
                new JdbcTableSizes(readPool), new ReadEndpoints(readStock, readLedger, readReplenishments,
                        backorders.views()));
        // The backlog is read over the read pool: buyers holding every purchase connection do not blind it.
        this.watchingTheOutbox = new WatchingTheOutbox(readOutbox, alerts, clock,
                settings.outbox().stuckAfter());

        var audits = new JdbcLedgerAudits(writes);
        var following = new FollowingTheLedger(audits, alerts, transactions, clock);
        this.audit = new Audit(new JdbcStockAudit(writes), audits, following, new ReplayingTheLedger(audits, following, transactions, clock),
                new ArchivingTheLedger(audits, new JdbcLedgerArchive(writes), transactions, clock));
        this.purging = new PurgingHistory(new JdbcPurgeableTables(writes), transactions, clock,
                settings.retention().periods(), settings.purge().batchSize(), PurgingHistory.MAX_BATCHES_PER_RUN);
    }

    private Backorders backorders(ShopSettings settings, ShopRuntime runtime, JdbcBackorders books,
                                  JdbcBackorderNotices notices, StartingReplenishment starting, Checkout checkout,
                                  SellingOnce sellingOnce, JdbcAlerts alerts) {
        var clock = runtime.clock();
        var transactions = this.books.transactions();
        var stock = this.books.stock();
        var config = settings.backorders();
        var fulfilling = new FulfillingBackorders(stock, new JdbcSales(runtime.writes()), this.books.ledger(), books,
                notices, this.books.outbox(), starting);
        var cancelling = new CancellingBackorder(books, transactions, clock);
        var views = new JdbcBackorders(runtime.reads());
        var notifier = new HttpBuyerNotifier(config.notifyTimeout(), clock);
        return new Backorders(books, views,
                new Backordering(checkout, sellingOnce, fulfilling, stock, books, books, starting, transactions, clock,
                        config.expireAfter()),
                fulfilling, cancelling,
                new ExpiringBackorders(books, notices, transactions, clock, 500, 20),
                new RelayingOutbox<>(notices, notifier, transactions, clock, NOTICES_PER_BATCH,
                        settings.outbox().backoff(), new RelayFailureLog<>(clock))
                        .postingOutside(noticeLease(config.notifyTimeout()), config.notifyGiveUpAfter()),
                // Read over the read pool, as the stock outbox's backlog is.
                new WatchingTheOutbox(new JdbcBackorderNotices(runtime.reads()), alerts, clock, NOTICES_STUCK_AFTER),
                new BackorderEndpoints(views, books, cancelling, new JdbcStock(runtime.reads()), config.expireAfter()));
    }

    private static Alerting alerting(ShopSettings settings, ShopRuntime runtime, JdbcFactoryDirectory factories,
                                     Transactions transactions) {
        List<AlertChannel> channels = new ArrayList<>();
        var webhook = settings.alert().webhookUrl();
        if (webhook != null && !webhook.isBlank()) {
            channels.add(new WebhookAlertChannel(SettingUrl.parse("DONUT_ALERT_WEBHOOK_URL", webhook.strip())));
        }
        channels.addAll(runtime.moreAlertChannels().apply(factories));
        var alerts = new JdbcAlerts(runtime.writes(), channels.stream().map(AlertChannel::name).toList(),
                runtime.clock());
        return new Alerting(List.copyOf(channels), alerts,
                new DeliveringAlerts(alerts, channels, transactions, runtime.clock(), runtime.alertDeliveries()));
    }

    private Replenishing replenishing(ShopSettings settings, ShopRuntime runtime, JdbcFactoryDirectory factories,
                                      JdbcAlerts alerts) {
        var clock = runtime.clock();
        var replenishments = books.replenishments();
        var callbacks = new DeliveryCallbacks(() -> publicUrl(settings, runtime), callbackSecret(settings, runtime));
        var receiving = new ReceivingDelivery(replenishments, books.stock(), books.ledger(), callbacks,
                books.transactions(), alerts, settings.factory().deliveryTolerance(), clock, backorders.fulfilling());
        var http = new HttpFactory(factories, settings.factory().timeout(), settings.factory().requester(), tracing);
        // One circuit per factory, per process: on Lambda it spares a factory the calls of one warm container.
        var factory = new CircuitBreakingFactory(http, settings.factory().circuitOpenFor(), clock);
        var ordering = new OrderingFromFactory(replenishments, factory, callbacks, clock,
                settings.replenishment().orderLease());
        var givingUp = new GivingUpReplenishment(replenishments, alerts, clock);
        var policy = settings.replenishment();
        var queue = settings.queue();
        var retries = new StockMessageHandling.Retries(queue.maxReceiveCount(), queue.firstRetryDelay(),
                queue.maxRetryDelay(), settings.factory().giveUpAfter());
        return new Replenishing(callbacks, receiving, new FactoryCallbackEndpoint(receiving, tracing), factories, factory,
                ordering, givingUp,
                new RedrivingReplenishment(replenishments, books.outbox(), books.transactions(), clock),
                new SweepingStuckReplenishments(replenishments, books.outbox(), givingUp, books.transactions(), clock,
                        policy.deadline(), policy.maxReorders(), policy.requeueAfter()),
                new NoticingFactoryOutages(replenishments, alerts, clock, settings.factory().outageAlertAfter(),
                        settings.factory().giveUpAfter()),
                new StockMessageHandling(ordering, givingUp, retries, clock, runtime.orderOutcomes(), tracing));
    }

    /** The configured secret, else the key the shop made for itself, kept in the database for every instance. */
    private static byte[] callbackSecret(ShopSettings settings, ShopRuntime runtime) {
        var secret = settings.callbackSecret();
        return secret != null && !secret.isBlank()
                ? secret.getBytes(StandardCharsets.UTF_8)
                : new JdbcShopSecrets(runtime.writes()).getOrCreate(ShopSettings.CALLBACK_SIGNING_KEY);
    }

    private static String publicUrl(ShopSettings settings, ShopRuntime runtime) {
        var configured = settings.publicUrl();
        return configured != null && !configured.isBlank() ? configured : runtime.localUrl().get();
    }

    /** Both queues by name, made first when {@code queue.create} allows; one line naming the server when it fails. */
    private static SqsQueues findQueues(ShopSettings settings, ShopRuntime runtime) {
        var queue = settings.queue();
        try {
            return new SqsQueues(runtime.sqs().get(), new QueueSettings(queue.stockQueue(), queue.deadLetterQueue(),
                    queue.maxReceiveCount(), queue.visibilityTimeout(), queue.create()));
        } catch (SdkException e) {
            var sqs = settings.sqs();
            String where = sqs.atAws() ? "SQS in " + sqs.region() + " (DONUT_SQS_REGION)"
                    : "SQS at " + sqs.endpoint() + " (DONUT_SQS_ENDPOINT)";
            throw new StartRefused(where + " cannot give the queues " + queue.stockQueue() + " and "
                    + queue.deadLetterQueue() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code workers} platform threads (daemons) for busy product lanes, kept a minute for the
     * next busy spell; more busy lanes wait their turn. A lane's worker is on every buyer's critical
     * path: as a virtual thread it would wait, after each database round trip, for a carrier thread
     * behind the request threads it serves (measured under a crowd: 5.5 ms instead of 0.7 ms to lock
     * the product's row). Bounded, so a crowd buying many products cannot start a thread per product.
     */
    private static ExecutorService saleLaneWorkers(int workers) {
        var numbers = new AtomicInteger();
        var pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "sale-lane-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Checks the SNS stock topic, when there is one: a topic that cannot be reached refuses the start. */
    public void checkStockTopic() {
        if (settings.sns().configured()) {
            StockTopicCheck.verify(runtime.sns().get(), settings.sns().topicArn().strip(),
                    SettingUrl.optional("DONUT_SNS_ENDPOINT", settings.sns().endpoint()), settings.sqs().region());
        }
    }

    /** The shop's tracing: its spans and the W3C context passed from a sale to its restock. */
    public ShopTracing tracing() {
        return tracing;
    }

    public ShopSettings settings() {
        return settings;
    }

    public Books books() {
        return books;
    }

    public Sales sales() {
        return sales;
    }

    public Backorders backorders() {
        return backorders;
    }

    public Replenishing replenishing() {
        return replenishing;
    }

    public Alerting alerting() {
        return alerting;
    }

    public Audit audit() {
        return audit;
    }

    public Reads reads() {
        return reads;
    }

    public PurgingHistory purging() {
        return purging;
    }

    /** The outbox relay to the stock topic (SNS when configured, else straight to {@code stock_queue}). */
    public RelayingOutbox<StockEvent> relaying() {
        return relaying;
    }

    public WatchingTheOutbox watchingTheOutbox() {
        return watchingTheOutbox;
    }

    /** Found (and made, when allowed) on first use. */
    public SqsQueues queues() {
        return queues.get();
    }

    public StockTopic<StockEvent> stockTopic() {
        return stockTopic.get();
    }

    public SqsDeadLetters deadLetters() {
        return deadLetters.get();
    }

    /** Carries out the stock worker's verdicts on {@code stock_queue}, for the poller and the Lambda alike. */
    public StockQueueVerdicts stockQueueVerdicts() {
        return stockQueueVerdicts.get();
    }
}
