package io.donutstates.service;

import io.donutstates.shared.DatabaseDurability;
import io.donutstates.shared.SettingUrl;
import io.donutstates.housekeeping.RetentionPeriods;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a deployment configures, bound from {@code donut.*} properties or {@code DONUT_*}
 * environment variables (e.g. {@code DONUT_DB_URL}, {@code DONUT_QUEUE_MAX_RECEIVE_COUNT}).
 */
@ConfigurationProperties(prefix = "donut")
public record DonutProperties(
        String adminToken,
        String publicUrl,
        String callbackSecret,
        @DefaultValue("false") boolean demoCatalog,
        @DefaultValue Db db,
        @DefaultValue Sqs sqs,
        @DefaultValue Sns sns,
        @DefaultValue Queue queue,
        @DefaultValue Factory factory,
        @DefaultValue Replenishment replenishment,
        @DefaultValue Outbox outbox,
        @DefaultValue Alert alert,
        @DefaultValue Sales sales,
        @DefaultValue Jobs jobs,
        @DefaultValue Ledger ledger,
        @DefaultValue Retention retention,
        @DefaultValue Purge purge) {

    /**
     * The database; the password is never logged. {@code durability}: {@code full}, or {@code relaxed}
     * when the deployment accepts losing about a second of acknowledged sales on an OS crash (then the
     * start-up warning about a non-durable database becomes a note). {@code connectionWait}: how long a
     * purchase (or any writer) waits for a connection before it is answered 503. Anonymous reads and
     * health use a pool of their own, {@code readPoolSize} connections, each statement stopped after
     * {@code readTimeout}.
     */
    public record Db(
            @DefaultValue("jdbc:mariadb://127.0.0.1:3306/donut_states") String url,
            @DefaultValue("donut") String user,
            String password,
            @DefaultValue("32") int poolSize,
            @DefaultValue("full") String durability,
            @DefaultValue("2s") Duration connectionWait,
            @DefaultValue("4") int readPoolSize,
            @DefaultValue("2s") Duration readTimeout) {
        public Db {
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
    public record Sqs(String endpoint, @DefaultValue("us-east-1") String region) {
        public Sqs {
            SettingUrl.optional("DONUT_SQS_ENDPOINT", endpoint);
        }
    }

    /** The SNS stock topic; without an ARN the topic delivers straight to {@code stock_queue}. */
    public record Sns(String topicArn, String endpoint) {
        public Sns {
            SettingUrl.optional("DONUT_SNS_ENDPOINT", endpoint);
        }
    }

    /** {@code stock_queue}, {@code dead_letter_queue} and how the worker consumes them. */
    public record Queue(
            @DefaultValue("stock_queue") String stockQueue,
            @DefaultValue("dead_letter_queue") String deadLetterQueue,
            @DefaultValue("5") int maxReceiveCount,
            @DefaultValue("30s") Duration visibilityTimeout,
            @DefaultValue("true") boolean create,
            @DefaultValue("4") int consumers,
            @DefaultValue("10s") Duration pollWait,
            @DefaultValue("1s") Duration firstRetryDelay,
            @DefaultValue("60s") Duration maxRetryDelay,
            @DefaultValue("15s") Duration deadLetterWatchInterval) { }

    /**
     * The default factory API (a factory row's own URL wins) and how it is called; how much more than
     * ordered a delivery may count ({@code 0}, a count such as {@code 2}, or a percentage such as {@code 10%}).
     * A factory that has not taken a replenishment's order for {@code outageAlertAfter} is reported to
     * ops; for {@code giveUpAfter}, the replenishment ends FAILED in {@code dead_letter_queue}.
     */
    public record Factory(
            @DefaultValue("http://127.0.0.1:8081") String url,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("Donut-States") String requester,
            @DefaultValue("30s") Duration circuitOpenFor,
            @DefaultValue("2m") Duration outageAlertAfter,
            @DefaultValue("10m") Duration giveUpAfter,
            @DefaultValue("0") String overDeliveryTolerance) {
        public Factory {
            SettingUrl.parse("DONUT_FACTORY_URL", url);
            if (outageAlertAfter.isNegative() || giveUpAfter.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("donut.factory.give-up-after (DONUT_FACTORY_GIVE_UP_AFTER) must be "
                        + "at least 1s and donut.factory.outage-alert-after (DONUT_FACTORY_OUTAGE_ALERT_AFTER) not negative");
            }
            try {
                io.donutstates.replenishment.OverDeliveryTolerance.parse(overDeliveryTolerance);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("donut.factory.over-delivery-tolerance "
                        + "(DONUT_FACTORY_OVER_DELIVERY_TOLERANCE): " + e.getMessage());
            }
        }

        public io.donutstates.replenishment.OverDeliveryTolerance deliveryTolerance() {
            return io.donutstates.replenishment.OverDeliveryTolerance.parse(overDeliveryTolerance);
        }
    }

    /** Where alerts go besides the log: a Slack-compatible webhook and/or email (spring.mail.* for SMTP). */
    public record Alert(
            String webhookUrl,
            String emailTo,
            @DefaultValue("donut-states@localhost") String emailFrom,
            @DefaultValue("false") boolean emailFactoryManager) { }

    /** Deadlines that keep replenishments from getting stuck in silence. */
    public record Replenishment(
            @DefaultValue("3m") Duration deadline,
            @DefaultValue("2") int maxReorders,
            @DefaultValue("2m") Duration requeueAfter,
            @DefaultValue("60s") Duration orderLease,
            @DefaultValue("10s") Duration sweepInterval) { }

    /**
     * The outbox relay: how often it looks, how many events per transaction, the growing delay before
     * an event the topic refused is tried again, and how long an event may wait before it is reported.
     */
    public record Outbox(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("50") int batchSize,
                         @DefaultValue("1s") Duration firstRetryDelay, @DefaultValue("60s") Duration maxRetryDelay,
                         @DefaultValue("60s") Duration stuckAfter) {
        public Outbox {
            try {
                new io.donutstates.messaging.RelayBackoff(firstRetryDelay, maxRetryDelay);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("donut.outbox (DONUT_OUTBOX_FIRST_RETRY_DELAY, "
                        + "DONUT_OUTBOX_MAX_RETRY_DELAY): " + e.getMessage());
            }
            if (stuckAfter.isNegative() || stuckAfter.isZero()) {
                throw new IllegalArgumentException("donut.outbox.stuck-after (DONUT_OUTBOX_STUCK_AFTER) must be positive");
            }
        }

        public io.donutstates.messaging.RelayBackoff backoff() {
            return new io.donutstates.messaging.RelayBackoff(firstRetryDelay, maxRetryDelay);
        }
    }

    /**
     * How purchases reach the database: {@code combined} shares one transaction among buyers of the
     * same product who arrive together (up to {@code maxBatch}), with up to {@code laneWorkers}
     * products sold at the same time; {@code plain} gives each purchase its own.
     */
    public record Sales(@DefaultValue("combined") String mode, @DefaultValue("200") int maxBatch,
                        @DefaultValue("16") int laneWorkers) {
        public Sales {
            if (!"combined".equals(mode) && !"plain".equals(mode)) {
                throw new IllegalArgumentException("donut.sales.mode must be 'combined' or 'plain' (got '" + mode + "')");
            }
            if (maxBatch < 1 || maxBatch > 10_000) {
                throw new IllegalArgumentException("donut.sales.max-batch must be 1..10000");
            }
            if (laneWorkers < 1 || laneWorkers > 1_000) {
                throw new IllegalArgumentException("donut.sales.lane-workers must be 1..1000");
            }
        }
    }

    /**
     * How long housekeeping keeps each kind of history ({@code DONUT_RETENTION_*}); the shortest
     * allowed are checked by {@link RetentionPeriods}, so a bad value stops the start with its name.
     */
    public record Retention(@DefaultValue("24h") Duration outbox, @DefaultValue("24h") Duration idempotencyKeys,
                            @DefaultValue("30d") Duration alerts) {
        public Retention {
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
    public record Purge(@DefaultValue("1m") Duration interval, @DefaultValue("1000") int batchSize) {
        public Purge {
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("donut.purge.interval (DONUT_PURGE_INTERVAL) must be at least 1s");
            }
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("donut.purge.batch-size (DONUT_PURGE_BATCH_SIZE) must be 1..10000");
            }
        }
    }

    /** Whether this instance runs the background jobs (worker, relay, sweep, housekeeping) besides the API. */
    public record Jobs(@DefaultValue("true") boolean enabled) { }

    /**
     * The background ledger audit: how often it follows new ledger lines and how many lines of one
     * product it reads per short transaction.
     */
    public record Ledger(@DefaultValue("1s") Duration auditInterval, @DefaultValue("5000") int auditChunk) {
        public Ledger {
            if (auditInterval.isNegative() || auditInterval.isZero()) {
                throw new IllegalArgumentException("donut.ledger.audit-interval must be positive");
            }
            if (auditChunk < 100 || auditChunk > 100_000) {
                throw new IllegalArgumentException("donut.ledger.audit-chunk must be 100..100000");
            }
        }
    }
}
