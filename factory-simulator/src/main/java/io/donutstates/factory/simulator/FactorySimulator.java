package io.donutstates.factory.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;

/** A running simulator of the legacy Factory API; standalone, in the all-in-one launcher, or in tests. */
public final class FactorySimulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<Faults> faults;
    private final StatsCounter stats;
    private final OrderBook orders;
    private final String baseUrl;

    private FactorySimulator(FactorySettings settings, HttpServer server, ExecutorService executor,
                             ScheduledExecutorService scheduler) {
        this.server = server;
        this.executor = executor;
        this.scheduler = scheduler;
        this.faults = new AtomicReference<>(settings.faults());
        this.stats = new StatsCounter();
        this.orders = new OrderBook();
        this.baseUrl = baseUrl(settings.host(), server.getAddress().getPort());
        server.createContext("/", router(settings));
    }

    /** Binds, starts serving and returns; fails with UncheckedIOException if the port is taken. */
    public static FactorySimulator start(FactorySettings settings) {
        Objects.requireNonNull(settings, "settings");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        ExecutorService executor = VirtualThreads.newPerTaskExecutor("factory-simulator");
        ScheduledThreadPoolExecutor scheduler =
                new ScheduledThreadPoolExecutor(1, VirtualThreads.daemonThreads("factory-simulator-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        FactorySimulator simulator = new FactorySimulator(settings, server, executor, scheduler);
        server.setExecutor(executor);
        server.start();
        return simulator;
    }

    private Router router(FactorySettings settings) {
        CallbackSender callbacks = new CallbackSender(scheduler, executor, settings.callbackRetryBackoff(), stats);
        AdminEndpoints admin = new AdminEndpoints(faults, stats::snapshot, orders);
        AdminAuth auth = new AdminAuth(settings.adminToken());
        return new Router()
                .add("POST", "/api/manufactures",
                        new ProductionEndpoint(faults::get, orders, callbacks, stats, Clock.systemUTC()))
                .add("GET", "/api/admin/faults", auth.protect(admin::getFaults))
                .add("PUT", "/api/admin/faults", auth.protect(admin::putFaults))
                .add("GET", "/api/admin/stats", auth.protect(admin::stats))
                .add("GET", "/api/orders", admin::orders)
                .add("GET", "/health", admin::health);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL a simulator on this host and port answers at. */
    public static String baseUrl(String host, int port) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** For example {@code http://127.0.0.1:8081}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public Faults faults() {
        return faults.get();
    }

    /** Replaces the faults atomically; orders already accepted keep the faults they were accepted with. */
    public void faults(Faults newFaults) {
        faults.set(Objects.requireNonNull(newFaults, "faults"));
    }

    public FactoryStats stats() {
        return stats.snapshot();
    }

    /** The most recent orders (up to 1,000), newest first. */
    public List<OrderSnapshot> orders() {
        return orders.recent();
    }

    /** Stops serving and abandons callbacks not yet sent. */
    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        executor.shutdownNow();
    }
}
