package io.donutstates.allinone;

import io.donutstates.factory.simulator.FactorySimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole shop as a test fixture: the all-in-one system on free ports with its own database in
 * the shared MariaDB, its own ElasticMQ and its own factory simulator, driven over real HTTP.
 */
class TestShop implements AfterAllCallback {

    static final String SKU = "CP-502101";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> overrides;
    private String[] args = new String[0];
    private AllInOne shop;
    private String databaseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    TestShop(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    /** Short delays and deadlines so a whole replenishment takes seconds, not minutes. */
    static TestShop withDefaults(String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return new TestShop(settings);
    }

    /** The same shop started with command-line arguments, e.g. {@code --spring.main.sources=...} for test beans. */
    TestShop withArgs(String... args) {
        this.args = args.clone();
        return this;
    }

    /** For settings known only once other extensions started (e.g. a mail server's port). */
    static TestShop lazily(java.util.function.Supplier<TestShop> settings) {
        return new TestShop(Map.of()) {
            private TestShop delegate;

            @Override
            synchronized TestShop start() {
                if (delegate == null) {
                    delegate = settings.get().start();
                }
                return delegate;
            }

            @Override
            public void afterAll(ExtensionContext context) {
                if (delegate != null) {
                    delegate.afterAll(context);
                }
            }
        };
    }

    private Map<String, String> environment;
    private static final java.util.concurrent.atomic.AtomicInteger SHOPS = new java.util.concurrent.atomic.AtomicInteger();

    synchronized TestShop start() {
        if (shop == null) {
            Map<String, String> env = new HashMap<>();
            // The embedded queue server keeps its queues here: a fresh place per shop, nothing left from another test.
            env.put("DONUT_DATA_DIR", java.nio.file.Path.of("target", "test-shops",
                    ProcessHandle.current().pid() + "-" + SHOPS.incrementAndGet()).toAbsolutePath().toString());
            env.put("SERVER_PORT", "0");
            databaseUrl = SharedMariaDb.freshDatabaseUrl();
            env.put("DONUT_DB_URL", databaseUrl);
            env.put("DONUT_DB_USER", SharedMariaDb.USER);
            env.put("DONUT_DB_PASSWORD", SharedMariaDb.password());
            env.put("DONUT_ADMIN_TOKEN", "test-admin-token");
            env.put("DONUT_FACTORY_PORT", "0");
            env.put("DONUT_FACTORY_DELAY", "300ms");
            env.put("DONUT_FACTORY_CALLBACK_RETRY_BACKOFF", "100ms,200ms");
            env.put("DONUT_QUEUE_VISIBILITY_TIMEOUT", "2s");
            env.put("DONUT_QUEUE_POLL_WAIT", "1s");
            env.put("DONUT_QUEUE_FIRST_RETRY_DELAY", "100ms");
            env.put("DONUT_QUEUE_MAX_RETRY_DELAY", "1s");
            env.put("DONUT_OUTBOX_POLL_INTERVAL", "50ms");
            env.put("DONUT_REPLENISHMENT_SWEEP_INTERVAL", "500ms");
            env.put("DONUT_LEDGER_AUDIT_INTERVAL", "100ms");
            env.put("LOGGING_LEVEL_ROOT", "WARN");
            env.putAll(overrides);
            environment = env;
            shop = AllInOne.start(env, args);
        }
        return this;
    }

    /** Stops the whole shop and starts it again with the same settings, database and data directory. */
    synchronized TestShop restart() {
        start();
        shop.close();
        shop = AllInOne.start(environment, args);
        return this;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shop != null) {
            shop.close();
        }
    }

    AllInOne shop() {
        return start().shop;
    }

    /** The shop's own database in the shared MariaDB (user and password from SharedMariaDb), for tests that go behind its back. */
    String databaseUrl() {
        return start().databaseUrl;
    }

    FactorySimulator factory() {
        return shop().simulator();
    }

    Answer post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").headers(headers.length == 0 ? new String[]{"X-Test", "1"} : headers));
    }

    Answer postRaw(URI uri, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType));
    }

    Answer put(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").headers(headers.length == 0 ? new String[]{"X-Test", "1"} : headers));
    }

    Answer delete(String path, String... headers) {
        var request = HttpRequest.newBuilder(uri(path)).DELETE();
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    Answer get(String path, String... headers) {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** The Prometheus scrape, asked with the admin token as a scrape config sends it; fails unless 200. */
    String metrics() {
        var answer = get("/actuator/prometheus", "Authorization", "Bearer test-admin-token");
        if (answer.status() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    Answer buy(String sku, int quantity) {
        return post("/api/sales", "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}");
    }

    Answer setStock(String sku, int stock) {
        return put("/api/admin/products/" + sku + "/stock", "{\"stock\":" + stock + "}",
                "Authorization", "Bearer test-admin-token");
    }

    /** Sets the reorder rule and the number of stock slots. */
    Answer setSlots(String sku, int slots) {
        return put("/api/admin/products/" + sku + "/policy",
                "{\"reorderQuantity\":10,\"reorderPoint\":0,\"slots\":" + slots + "}",
                "Authorization", "Bearer test-admin-token");
    }

    int stockOf(String sku) {
        return get("/api/products/" + sku).json().get("stock").asInt();
    }

    JsonNode replenishments(String sku) {
        return get("/api/replenishments?sku=" + sku).json();
    }

    /**
     * The ledger audit once the background audit has followed every line written so far (or stopped
     * at a line that does not add up); fails loudly if the endpoint does not answer 200.
     */
    JsonNode invariants() {
        return org.awaitility.Awaitility.await("the ledger audit catches up").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(this::invariantsNow, audit -> {
                    for (JsonNode product : audit.get("products")) {
                        if (product.get("problem") == null && product.get("auditedThrough").asLong()
                                < product.get("newestLine").asLong()) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** The ledger audit as it stands. */
    JsonNode invariantsNow() {
        var answer = get("/api/admin/invariants", "Authorization", "Bearer test-admin-token");
        if (answer.status() != 200) {
            throw new AssertionError("invariants answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    URI uri(String path) {
        return URI.create(shop().apiUrl() + path);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status, body and its content type. */
    record Answer(int status, String body, String contentType) {

        Answer(int status, String body) {
            this(status, body, "");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
