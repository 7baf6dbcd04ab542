package io.donutstates.shop;

import io.donutstates.housekeeping.RetentionPeriods;
import io.donutstates.messaging.RelayBackoff;
import io.donutstates.replenishment.OverDeliveryTolerance;
import io.donutstates.shared.DatabaseDurability;
import io.donutstates.shared.SettingUrl;
import java.time.Duration;

/**
 * Everything a deployment configures, with every default in this one file. A setting left out
 * ({@code null}) takes its default, so the service (binding {@code donut.*} / {@code DONUT_*} through
 * Spring) and the Lambda functions (reading {@code DONUT_*} with {@link SettingsFromEnvironment}) agree
 * without repeating a value. A bad value stops the start with a message naming the setting.
 */
public record ShopSettings(
        String publicUrl,
        String callbackSecret,
        Boolean demoCatalog,
        Db db,
        Sqs sqs,
        Sns sns,
        Queue queue,
        Factory factory,
        Replenishment replenishment,
        Outbox outbox,
        Alert alert,
        Sales sales,
        Jobs jobs,
        Ledger ledger,
        Retention retention,
        Purge purge,
        Tracing tracing,
        Backorders backorders) {

    /** The name under which the callback signing key is kept in the database, shared by every runtime. */
    public static final String CALLBACK_SIGNING_KEY = "callback-signing-key";

    public ShopSettings {
        SettingUrl.optional("DONUT_PUBLIC_URL", publicUrl);
        demoCatalog = or(demoCatalog, false);
        db = or(db, () -> new Db(null, null, null, null, null, null, null, null));
        sqs = or(sqs, () -> new Sqs(null, null));
        sns = or(sns, () -> new Sns(null, null));
        queue = or(queue, () -> new Queue(null, null, null, null, null, null, null, null, null, null));
        factory = or(factory, () -> new Factory(null, null, null, null, null, null, null));
        replenishment = or(replenishment, () -> new Replenishment(null, null, null, null, null));
        outbox = or(outbox, () -> new Outbox(null, null, null, null, null));
        alert = or(alert, () -> new Alert(null, null, null, null));
        sales = or(sales, () -> new Sales(null, null, null));
        jobs = or(jobs, () -> new Jobs(null));
        ledger = or(ledger, () -> new Ledger(null, null));
        retention = or(retention, () -> new Retention(null, null, null));
        purge = or(purge, () -> new Purge(null, null));
        tracing = or(tracing, () -> new Tracing(null, null, null));
        backorders = or(backorders, () -> new Backorders(null, null, null, null));
    }

    /** Every setting at its default. */
    public static ShopSettings defaults() {
        return new ShopSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** A copy with another queue part (the Lambda functions never create queues). */
    public ShopSettings withQueue(Queue queue) {
        return new ShopSettings(publicUrl, callbackSecret, demoCatalog, db, sqs, sns, queue, factory, replenishment,
                outbox, alert, sales, jobs, ledger, retention, purge, tracing, backorders);
    }

    /** A copy with another sales part (a Lambda function sells one purchase at a time). */
    public ShopSettings withSales(Sales sales) {
        return new ShopSettings(publicUrl, callbackSecret, demoCatalog, db, sqs, sns, queue, factory, replenishment,
                outbox, alert, sales, jobs, ledger, retention, purge, tracing, backorders);
    }

    /**
     * The database; the password is never logged. {@code durability}: {@code full}, or {@code relaxed}
     * when the deployment accepts losing about a second of acknowledged sales on an OS crash (then the
     * start-up warning about a non-durable database becomes a note). {@code connectionWait}: how long a
     * purchase (or any writer) waits for a connection before it is answered 503. Anonymous reads and
     * health use a pool of their own, {@code readPoolSize} connections, each statement stopped after
     * {@code readTimeout}.
     */
    public record Db(String url, String user, String password, Integer poolSize, String durability,
                     Duration connectionWait, Integer readPoolSize, Duration readTimeout) {
        public Db {
            url = or(url, "jdbc:mariadb://127.0.0.1:3306/donut_states");
            user = or(user, "donut");
            poolSize = or(poolSize, 32);
            durability = or(durability, "full");
            connectionWait = or(connectionWait, Duration.ofSeconds(2));
            readPoolSize = or(readPoolSize, 12);
            readTimeout = or(readTimeout, Duration.ofSeconds(2));
            DatabaseDurability.relaxedByChoice("donut.db.durability (" + DatabaseDurability.SETTING + ")", durability);
            if (connectionWait.compareTo(Duration.ofMillis(250)) < 0) {
                throw new IllegalArgumentException("donut.db.connection-wait (DONUT_DB_CONNECTION_WAIT) must be at least 250ms");
            }
            if (readPoolSize < 1 || readPoolSize > 64) {
                throw new IllegalArgumentException("donut.db.read-pool-size (DONUT_DB_READ_POOL_SIZE) must be 1..64");
            }
            if (readTimeout.compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("donut.db.read-timeout (DONUT_DB_READ_TIMEOUT) must be at least 100ms");
            }
        }

        public boolean relaxedDurability() {
            return DatabaseDurability.relaxedByChoice("donut.db.durability", durability);
        }

        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", poolSize=" + poolSize + ", durability=" + durability
                    + ", connectionWait=" + connectionWait + ", readPoolSize=" + readPoolSize + ", readTimeout="
                    + readTimeout + "]";
        }
    }

    /** The SQS endpoint: empty for AWS itself. */
    public record Sqs(String endpoint, String region) {
        public Sqs {
            region = or(region, "us-east-1");
            SettingUrl.optional("DONUT_SQS_ENDPOINT", endpoint);
        }

        public boolean atAws() {
            return endpoint == null || endpoint.isBlank();
        }
    }

    /** The SNS stock topic; without an ARN the topic delivers straight to {@code stock_queue}. */
    public record Sns(String topicArn, String endpoint) {
        public Sns {
            SettingUrl.optional("DONUT_SNS_ENDPOINT", endpoint);
        }

        public boolean configured() {
            return topicArn != null && !topicArn.isBlank();
        }
    }

    /** {@code stock_queue}, {@code dead_letter_queue} and how the worker consumes them. */
    public record Queue(String stockQueue, String deadLetterQueue, Integer maxReceiveCount,
                        Duration visibilityTimeout, Boolean create, Integer consumers, Duration pollWait,
                        Duration firstRetryDelay, Duration maxRetryDelay, Duration deadLetterWatchInterval) {
        public Queue {
            stockQueue = or(stockQueue, "stock_queue");
            deadLetterQueue = or(deadLetterQueue, "dead_letter_queue");
            maxReceiveCount = or(maxReceiveCount, 5);
            visibilityTimeout = or(visibilityTimeout, Duration.ofSeconds(30));
            create = or(create, true);
            consumers = or(consumers, 4);
            pollWait = or(pollWait, Duration.ofSeconds(10));
            firstRetryDelay = or(firstRetryDelay, Duration.ofSeconds(1));
            maxRetryDelay = or(maxRetryDelay, Duration.ofSeconds(60));
            deadLetterWatchInterval = or(deadLetterWatchInterval, Duration.ofSeconds(15));
        }

        /** The same queues, found by name only, never created. */
        public Queue foundOnly() {
            return new Queue(stockQueue, deadLetterQueue, maxReceiveCount, visibilityTimeout, false, consumers,
                    pollWait, firstRetryDelay, maxRetryDelay, deadLetterWatchInterval);
        }
    }

    /**
     * The default factory API (a factory row's own URL wins) and how it is called; how much more than
     * ordered a delivery may count ({@code 0}, a count such as {@code 2}, or a percentage such as {@code 10%}).
     * A factory that has not taken a replenishment's order for {@code outageAlertAfter} is reported to
     * ops; for {@code giveUpAfter}, the replenishment ends FAILED in {@code dead_letter_queue}.
     */
    public record Factory(String url, Duration timeout, String requester, Duration circuitOpenFor,
                          Duration outageAlertAfter, Duration giveUpAfter, String overDeliveryTolerance) {
        public Factory {
            url = or(url, "http://127.0.0.1:8081");
            timeout = or(timeout, Duration.ofSeconds(5));
            requester = or(requester, "Donut-States");
            circuitOpenFor = or(circuitOpenFor, Duration.ofSeconds(30));
            outageAlertAfter = or(outageAlertAfter, Duration.ofMinutes(2));
            giveUpAfter = or(giveUpAfter, Duration.ofMinutes(10));
            overDeliveryTolerance = or(overDeliveryTolerance, "0");
            SettingUrl.parse("DONUT_FACTORY_URL", url);
            if (outageAlertAfter.isNegative() || giveUpAfter.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("donut.factory.give-up-after (DONUT_FACTORY_GIVE_UP_AFTER) must be "
                        + "at least 1s and donut.factory.outage-alert-after (DONUT_FACTORY_OUTAGE_ALERT_AFTER) not negative");
            }
            try {
                OverDeliveryTolerance.parse(overDeliveryTolerance);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("donut.factory.over-delivery-tolerance "
                        + "(DONUT_FACTORY_OVER_DELIVERY_TOLERANCE): " + e.getMessage());
            }
        }

        public OverDeliveryTolerance deliveryTolerance() {
            return OverDeliveryTolerance.parse(overDeliveryTolerance);
        }
    }

    /** Deadlines that keep replenishments from getting stuck in silence. */
    public record Replenishment(Duration deadline, Integer maxReorders, Duration requeueAfter, Duration orderLease,
                                Duration sweepInterval) {
        public Replenishment {
            deadline = or(deadline, Duration.ofMinutes(3));
            maxReorders = or(maxReorders, 2);
            requeueAfter = or(requeueAfter, Duration.ofMinutes(2));
            orderLease = or(orderLease, Duration.ofSeconds(60));
            sweepInterval = or(sweepInterval, Duration.ofSeconds(10));
        }
    }

    /**
     * The outbox relay: how often it looks, how many events per transaction, the growing delay before
     * an event the topic refused is tried again, and how long an event may wait before it is reported.
     */
    public record Outbox(Duration pollInterval, Integer batchSize, Duration firstRetryDelay, Duration maxRetryDelay,
                         Duration stuckAfter) {
        public Outbox {
            pollInterval = or(pollInterval, Duration.ofMillis(250));
            batchSize = or(batchSize, 50);
            firstRetryDelay = or(firstRetryDelay, RelayBackoff.DEFAULTS.first());
            maxRetryDelay = or(maxRetryDelay, RelayBackoff.DEFAULTS.max());
            stuckAfter = or(stuckAfter, Duration.ofSeconds(60));
            try {
                new RelayBackoff(firstRetryDelay, maxRetryDelay);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("donut.outbox (DONUT_OUTBOX_FIRST_RETRY_DELAY, "
                        + "DONUT_OUTBOX_MAX_RETRY_DELAY): " + e.getMessage());
            }
            if (stuckAfter.isNegative() || stuckAfter.isZero()) {
                throw new IllegalArgumentException("donut.outbox.stuck-after (DONUT_OUTBOX_STUCK_AFTER) must be positive");
            }
        }

        public RelayBackoff backoff() {
            return new RelayBackoff(firstRetryDelay, maxRetryDelay);
        }
    }

    /** Where alerts go besides the log: a Slack-compatible webhook and/or email (spring.mail.* for SMTP). */
    public record Alert(String webhookUrl, String emailTo, String emailFrom, Boolean emailFactoryManager) {
        public Alert {
            emailFrom = or(emailFrom, "donut-states@localhost");
            emailFactoryManager = or(emailFactoryManager, false);
        }
    }

    /**
     * How purchases reach the database: {@code combined} shares one transaction among buyers of the
     * same product who arrive together (up to {@code maxBatch}), with up to {@code laneWorkers}
     * products sold at the same time; {@code plain} gives each purchase its own.
     */
    public record Sales(String mode, Integer maxBatch, Integer laneWorkers) {
        public Sales {
            mode = or(mode, "combined");
            maxBatch = or(maxBatch, 200);
            laneWorkers = or(laneWorkers, 16);
            if (!"combined".equals(mode) && !"plain".equals(mode)) {
                throw new IllegalArgumentException("donut.sales.mode (DONUT_SALES_MODE) must be 'combined' or 'plain' (got '" + mode + "')");
            }
            if (maxBatch < 1 || maxBatch > 10_000) {
                throw new IllegalArgumentException("donut.sales.max-batch (DONUT_SALES_MAX_BATCH) must be 1..10000");
            }
            if (laneWorkers < 1 || laneWorkers > 1_000) {
                throw new IllegalArgumentException("donut.sales.lane-workers (DONUT_SALES_LANE_WORKERS) must be 1..1000");
            }
        }

        public boolean plain() {
            return "plain".equals(mode);
        }

        /** One purchase per transaction. */
        public Sales asPlain() {
            return new Sales("plain", maxBatch, laneWorkers);
        }
    }

    /** Whether this instance runs the background jobs (worker, relay, sweep, housekeeping) besides the API. */
    public record Jobs(Boolean enabled) {
        public Jobs {
            enabled = or(enabled, true);
        }
    }

    /**
     * The background ledger audit: how often it follows new ledger lines and how many lines of one
     * product it reads per short transaction.
     */
    public record Ledger(Duration auditInterval, Integer auditChunk) {
        public Ledger {
            auditInterval = or(auditInterval, Duration.ofSeconds(1));
            auditChunk = or(auditChunk, 5000);
            if (auditInterval.isNegative() || auditInterval.isZero()) {
                throw new IllegalArgumentException("donut.ledger.audit-interval (DONUT_LEDGER_AUDIT_INTERVAL) must be positive");
            }
            if (auditChunk < 100 || auditChunk > 100_000) {
                throw new IllegalArgumentException("donut.ledger.audit-chunk (DONUT_LEDGER_AUDIT_CHUNK) must be 100..100000");
            }
        }
    }

    /**
     * How long housekeeping keeps each kind of history ({@code DONUT_RETENTION_*}); the shortest
     * allowed are checked by {@link RetentionPeriods}, so a bad value stops the start with its name.
     */
    public record Retention(Duration outbox, Duration idempotencyKeys, Duration alerts) {
        public Retention {
            outbox = or(outbox, RetentionPeriods.DEFAULTS.publishedEvents());
            idempotencyKeys = or(idempotencyKeys, RetentionPeriods.DEFAULTS.idempotencyKeys());
            alerts = or(alerts, RetentionPeriods.DEFAULTS.deliveredAlerts());
            try {
                new RetentionPeriods(outbox, idempotencyKeys, alerts);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("donut.retention (DONUT_RETENTION_OUTBOX, "
                        + "DONUT_RETENTION_IDEMPOTENCY_KEYS, DONUT_RETENTION_ALERTS): " + e.getMessage());
            }
        }

        public RetentionPeriods periods() {
            return new RetentionPeriods(outbox, idempotencyKeys, alerts);
        }
    }

    /** How often housekeeping runs and how many rows each of its transactions deletes. */
    public record Purge(Duration interval, Integer batchSize) {
        public Purge {
            interval = or(interval, Duration.ofMinutes(1));
            batchSize = or(batchSize, 1000);
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("donut.purge.interval (DONUT_PURGE_INTERVAL) must be at least 1s");
            }
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("donut.purge.batch-size (DONUT_PURGE_BATCH_SIZE) must be 1..10000");
            }
        }
    }

    /**
     * Tracing: spans are always made and their W3C context passed on; they leave over OTLP/HTTP only when
     * {@code otlpEndpoint} (a collector's base URL, e.g. {@code http://collector:4318}) is set, else the
     * standard {@code OTEL_EXPORTER_OTLP_ENDPOINT}. {@code samplingRatio} of the traces that start here are
     * kept (a trace that arrives keeps its caller's choice).
     */
    public record Tracing(String otlpEndpoint, Double samplingRatio, String serviceName) {
        public Tracing {
            otlpEndpoint = otlpEndpoint == null ? "" : otlpEndpoint.strip();
            samplingRatio = or(samplingRatio, 1.0);
            serviceName = serviceName == null || serviceName.isBlank() ? "donut-states" : serviceName.strip();
            if (!otlpEndpoint.isEmpty()) {
                SettingUrl.parse("DONUT_TRACING_OTLP_ENDPOINT", otlpEndpoint);
            }
            if (samplingRatio < 0 || samplingRatio > 1) {
                throw new IllegalArgumentException(
                        "donut.tracing.sampling-ratio (DONUT_TRACING_SAMPLING_RATIO) must be 0..1");
            }
        }
    }

    /**
     * Backorders: how long one waits before it expires unless its product has a time of its own
     * ({@code expireAfter}), how often the expiry runs, and the buyer notices: how long one POST may
     * take and after how long a notice the buyer's endpoint keeps refusing is given up.
     */
    public record Backorders(Duration expireAfter, Duration expiryInterval, Duration notifyTimeout,
                             Duration notifyGiveUpAfter) {
        public Backorders {
            expireAfter = or(expireAfter, Duration.ofHours(24));
            expiryInterval = or(expiryInterval, Duration.ofSeconds(30));
            notifyTimeout = or(notifyTimeout, Duration.ofSeconds(5));
            notifyGiveUpAfter = or(notifyGiveUpAfter, Duration.ofHours(24));
            if (expireAfter.compareTo(Duration.ofMinutes(1)) < 0 || expireAfter.compareTo(Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException("donut.backorders.expire-after (DONUT_BACKORDERS_EXPIRE_AFTER) must be 1m..30d");
            }
            if (expiryInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("donut.backorders.expiry-interval (DONUT_BACKORDERS_EXPIRY_INTERVAL) must be at least 1s");
            }
            if (notifyTimeout.compareTo(Duration.ofMillis(100)) < 0 || notifyTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("donut.backorders.notify-timeout (DONUT_BACKORDERS_NOTIFY_TIMEOUT) must be 100ms..60s");
            }
            if (notifyGiveUpAfter.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("donut.backorders.notify-give-up-after (DONUT_BACKORDERS_NOTIFY_GIVE_UP_AFTER) must be at least 1m");
            }
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static <T> T or(T value, java.util.function.Supplier<T> otherwise) {
        return value != null ? value : otherwise.get();
    }
}
