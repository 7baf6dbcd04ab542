package io.donutstates.lambda;

import io.donutstates.shop.SettingsFromEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The handlers' settings, read from environment variables named as the service's
 * ({@code DONUT_DB_URL}, {@code DONUT_QUEUE_MAX_RECEIVE_COUNT}, ...) plus the few only a Lambda
 * deployment needs (queue URLs, the database secret's ARN, the alert webhook). Durations read as
 * {@code 300ms}, {@code 5s}, {@code 3m}, {@code 1h} or ISO-8601 ({@code PT5S}).
 */
public final class LambdaSettings {

    /** Every variable the handlers read; the template test checks the template sets no other DONUT_* name. */
    public static final Set<String> NAMES = Set.of(
            "DONUT_DB_URL", "DONUT_DB_USER", "DONUT_DB_PASSWORD", "DONUT_DB_SECRET_ARN", "DONUT_DB_POOL_SIZE",
            "DONUT_DB_DURABILITY", "DONUT_ADMIN_TOKEN", "DONUT_ADMIN_TOKEN_SECRET_ARN",
            "DONUT_DEMO_CATALOG", "DONUT_SECRETS_ENDPOINT",
            "DONUT_SQS_ENDPOINT", "DONUT_SQS_REGION", "DONUT_SNS_TOPIC_ARN", "DONUT_SNS_ENDPOINT",
            "DONUT_QUEUE_STOCK_QUEUE", "DONUT_QUEUE_DEAD_LETTER_QUEUE",
            "DONUT_QUEUE_STOCK_QUEUE_URL",
            "DONUT_QUEUE_MAX_RECEIVE_COUNT", "DONUT_QUEUE_FIRST_RETRY_DELAY", "DONUT_QUEUE_MAX_RETRY_DELAY",
            "DONUT_FACTORY_URL", "DONUT_FACTORY_TIMEOUT", "DONUT_FACTORY_REQUESTER", "DONUT_FACTORY_CIRCUIT_OPEN_FOR",
            "DONUT_FACTORY_OUTAGE_ALERT_AFTER", "DONUT_FACTORY_GIVE_UP_AFTER",
            "DONUT_FACTORY_OVER_DELIVERY_TOLERANCE",
            "DONUT_PUBLIC_URL", "DONUT_CALLBACK_SECRET",
            "DONUT_REPLENISHMENT_DEADLINE", "DONUT_REPLENISHMENT_MAX_REORDERS",
            "DONUT_REPLENISHMENT_REQUEUE_AFTER", "DONUT_REPLENISHMENT_ORDER_LEASE",
            "DONUT_OUTBOX_BATCH_SIZE", "DONUT_OUTBOX_FIRST_RETRY_DELAY", "DONUT_OUTBOX_MAX_RETRY_DELAY",
            "DONUT_OUTBOX_STUCK_AFTER", "DONUT_RELAY_ON_SHORTAGE", "DONUT_LEDGER_AUDIT_CHUNK",
            "DONUT_ALERT_WEBHOOK_URL", "DONUT_ALERT_TOPIC_ARN", "DONUT_DEAD_LETTER_PEEK_LIMIT",
            "DONUT_RETENTION_OUTBOX", "DONUT_RETENTION_IDEMPOTENCY_KEYS", "DONUT_RETENTION_ALERTS",
            "DONUT_PURGE_BATCH_SIZE");


    private final Map<String, String> env;

    private LambdaSettings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static LambdaSettings from(Map<String, String> env) {
        return new LambdaSettings(env);
    }

    public Optional<String> optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String text(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(name + " is not set"));
    }

    public int integer(String name, int defaultValue) {
        var value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number (got '" + value.get() + "')");
        }
    }

    public boolean flag(String name, boolean defaultValue) {
        return optional(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(defaultValue);
    }

    public Duration duration(String name, Duration defaultValue) {
        return optional(name).map(v -> parseDuration(name, v)).orElse(defaultValue);
    }

    /** An http(s) URL; anything else fails the container's init with one line naming the variable. */
    public Optional<URI> uri(String name) {
        return optional(name).map(value -> io.donutstates.shared.SettingUrl.parse(name, value));
    }

    /** The region of the SQS/SNS/Secrets Manager clients: DONUT_SQS_REGION, else the Lambda's own. */
    public String region() {
        return optional("DONUT_SQS_REGION").or(() -> optional("AWS_REGION")).orElse("us-east-1");
    }

    /** The same duration syntax as the service ({@link SettingsFromEnvironment#duration}); a bad value stops the init. */
    static Duration parseDuration(String name, String text) {
        try {
            return SettingsFromEnvironment.duration(name, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
