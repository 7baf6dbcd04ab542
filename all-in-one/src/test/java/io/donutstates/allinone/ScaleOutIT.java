package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.allinone.JsonHttp.Answer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Scale-out for real: the packaged jar runs as six OS processes on one machine: the database
 * ({@code --mode=database}), the queue server ({@code --mode=queues}), the factory simulator
 * ({@code --mode=factory}) and three service instances that share them. A crowd buys CP-502101 from
 * all three round-robin while the shelf empties and refills again and again; a third of the way
 * through one instance is killed with SIGKILL. Afterwards nothing was done twice: no oversell, one
 * factory order per stock-out (plus the re-orders the sweep decided on), every delivery in the
 * ledger exactly once, one alert per incident.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ScaleOutIT {

    private static final String SKU = "CP-502101";
    private static final String TOKEN = "scale-out-admin-token";
    private static final int OPENING_STOCK = 20;
    private static final int INSTANCES = 3;
    private static final int BUYERS = 60;
    private static final Duration CROWD = Duration.ofSeconds(25);
    private static final Duration KILL_AFTER = Duration.ofSeconds(8);
    /** On a loaded two-core machine three Spring Boot services starting at once take a while. */
    private static final Duration STARTUP = Duration.ofSeconds(150);
    private static final Duration SETTLE = Duration.ofSeconds(75);

    private static final ChildProcesses children = new ChildProcesses();
    /** Set when the test passed: its database files (~450 MB) go, its logs stay. */
    private static volatile Path dataToDelete;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    @AfterAll
    static void kill_every_process_this_test_started() throws IOException {
        children.close();
        if (dataToDelete != null && Files.isDirectory(dataToDelete)) {
            try (var files = Files.walk(dataToDelete)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void three_instances_on_one_database_and_one_queue_never_do_anything_twice() throws Exception {
        long began = System.nanoTime();
        Path target = targetDir();
        Path jar = target.resolve("donut-states.jar");
        assertThat(jar).as("the packaged all-in-one jar (built by `package`)").isRegularFile();
        Path runDir = target.resolve("scale-out").resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(runDir);
        List<Integer> ports = ChildProcesses.freePorts(3 + INSTANCES);
        int dbPort = ports.get(0);
        int sqsPort = ports.get(1);
        int factoryPort = ports.get(2);
        String factoryUrl = "http://127.0.0.1:" + factoryPort;

        // --- the shared parts, each its own process ---------------------------------------------------
        var database = children.startJar("database", jar, runDir, Map.of(
                "DONUT_DB_PORT", Integer.toString(dbPort),
                "DONUT_DATA_DIR", runDir.resolve("data").toAbsolutePath().toString()), "--mode=database");
        var queues = children.startJar("queues", jar, runDir, Map.of(
                "DONUT_SQS_PORT", Integer.toString(sqsPort)), "--mode=queues");
        var factory = children.startJar("factory", jar, runDir, Map.of(
                "DONUT_FACTORY_PORT", Integer.toString(factoryPort),
                "DONUT_FACTORY_DELAY", "500ms"), "--mode=factory");
        String jdbcUrl = "jdbc:mariadb://127.0.0.1:" + dbPort + "/donut_states?createDatabaseIfNotExist=true";
        awaitUp(database, () -> database.logContains("JDBC URL   " + jdbcUrl) && listening(dbPort));
        awaitUp(queues, () -> queues.logContains("http://127.0.0.1:" + sqsPort) && listening(sqsPort));
        awaitUp(factory, () -> get(factoryUrl + "/health").status() == 200);
        assertThat(database.process().toHandle().descendants())
                .as("the database process runs mariadbd").anyMatch(ScaleOutIT::isMariadbd);
        String databasePassword = java.nio.file.Files.readString(
                EmbeddedMariaDb.passwordFile(runDir.resolve("data").resolve("mariadb").toAbsolutePath())).strip();

        // --- three service instances against them ------------------------------------------------------
        List<String> apis = new ArrayList<>();
        List<ChildProcesses.Child> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            int port = ports.get(3 + i);
            String api = "http://127.0.0.1:" + port;
            Map<String, String> env = new HashMap<>();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("DONUT_PUBLIC_URL", api);
            env.put("DONUT_DB_URL", jdbcUrl);
            env.put("DONUT_DB_USER", EmbeddedMariaDb.USER);
            env.put("DONUT_DB_PASSWORD", databasePassword);
            env.put("DONUT_SQS_ENDPOINT", "http://127.0.0.1:" + sqsPort);
            env.put("DONUT_FACTORY_URL", factoryUrl);
            env.put("DONUT_ADMIN_TOKEN", TOKEN);
            env.put("DONUT_DEMO_CATALOG", "true");
            env.put("DONUT_QUEUE_VISIBILITY_TIMEOUT", "2s");
            env.put("DONUT_REPLENISHMENT_DEADLINE", "10s");
            env.put("DONUT_REPLENISHMENT_SWEEP_INTERVAL", "1s");
            env.put("DONUT_OUTBOX_POLL_INTERVAL", "100ms");
            env.put("DONUT_QUEUE_DEAD_LETTER_WATCH_INTERVAL", "2s");
            env.put("LOGGING_LEVEL_ROOT", "WARN");
            apis.add(api);
            instances.add(children.startJar("instance-" + (i + 1), jar, runDir, env));
        }
        for (int i = 0; i < INSTANCES; i++) {
            String api = apis.get(i);
            awaitUp(instances.get(i), () -> {
                var health = get(api + "/actuator/health");
                return health.status() == 200 && "UP".equals(health.json().get("status").asString());
            });
        }
        for (var instance : instances) {
            assertThat(instance.process().toHandle().descendants())
                    .as("%s embeds nothing: database, queues and factory are external", instance.name())
                    .noneMatch(ScaleOutIT::isMariadbd);
            assertThat(instance.logContains("service instance")).as("%s says it is one instance", instance.name())
                    .isTrue();
        }
        long openAt = System.nanoTime();
        System.out.printf("scale-out: six processes up in %d s (%s)%n", (openAt - began) / 1_000_000_000, runDir);

        // --- count the shelf on one instance, let a crowd buy from all three -------------------------
        String first = apis.get(0);
        var counted = send("PUT", first + "/api/admin/products/" + SKU + "/stock",
                "{\"stock\":" + OPENING_STOCK + "}", "Authorization", "Bearer " + TOKEN);
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        for (String api : apis) {
            assertThat(stock(api)).as("every instance sees the one warehouse: %s", api).isEqualTo(OPENING_STOCK);
        }

        var crowd = new RoundRobinCrowd(apis);
        long crowdEnds = System.nanoTime() + CROWD.toNanos();
        crowd.start();
        Thread.sleep(KILL_AFTER.toMillis());
        // Kill an instance in the middle of a job: one whose factory order is in production, so the
        // factory's callback will find it dead and the sweep has to order again on a survivor.
        int victim = instanceAwaitingCallback(factoryUrl, apis, Duration.ofSeconds(6));
        int confirmedBeforeKill = crowd.confirmed.size();
        var killed = instances.get(victim);
        crowd.markDead(victim);
        children.killNine(killed);
        assertThat(killed.process().exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        Thread.sleep(Math.max(0, (crowdEnds - System.nanoTime()) / 1_000_000));
        crowd.stopAndAwait();
        List<String> survivors = new ArrayList<>(apis);
        survivors.remove(victim);
        String api = survivors.get(0);
        var survivor = instances.get(apis.indexOf(api));

        System.out.printf("scale-out: crowd of %d over %d s: %d sold (201) [per instance %s], %d refused (409), "
                        + "%d failed (connection), %d other answers %s; %d sold before the kill of %s%n",
                BUYERS, CROWD.toSeconds(), crowd.confirmed.size(), crowd.perInstance, crowd.refused.get(),
                crowd.failed.get(), crowd.otherAnswers.size(), crowd.otherAnswers.stream().limit(5).toList(),
                confirmedBeforeKill, killed.name());
        assertThat(crowd.otherAnswers).as("no answer other than 201 and 409").isEmpty();
        for (int i = 0; i < INSTANCES; i++) {
            assertThat(crowd.perInstance.get(i)).as("instance %d confirmed sales", i + 1).isPositive();
        }

        // --- let the last stock-out finish: nothing REQUESTED or ORDERED any more ---------------------
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> openReplenishments(api) == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("a replenishment is still open after " + SETTLE + ": "
                    + replenishments(api) + "\nend of " + survivor.log() + ":\n" + survivor.tail(30), e);
        }
        // A re-order the sweep made just before the delivery may still be on its way to the factory.
        Thread.sleep(2_000);

        // --- no oversell: the ledger took at least every confirmed sale, stock == sum of the ledger -----
        JsonNode invariants = send("GET", api + "/api/admin/invariants", null, "Authorization", "Bearer " + TOKEN).json();
        assertThat(invariants.get("holds").asBoolean()).as("invariants: %s", invariants).isTrue();
        JsonNode ledger = ledger(api);
        int stock = stock(api);
        int ledgerSum = 0;
        int taken = 0;
        Set<String> saleReferences = new HashSet<>();
        Map<String, Integer> deliveryLines = new TreeMap<>();
        int deliveredPerLedger = 0;
        for (JsonNode line : ledger) {
            int change = line.get("change").asInt();
            ledgerSum += change;
            String reason = line.get("reason").asString();
            String reference = line.get("reference").asString();
            if ("SALE".equals(reason)) {
                taken -= change;
                saleReferences.add(reference);
            } else if ("DELIVERY".equals(reason)) {
                deliveredPerLedger += change;
                deliveryLines.merge(reference, 1, Integer::sum);
            }
        }
        assertThat(stock).as("stock == sum of the ledger").isEqualTo(ledgerSum);
        assertThat(stock).as("stock never below zero").isGreaterThanOrEqualTo(0);
        assertThat(crowd.confirmed.size()).as("confirmed sales (201) <= stock the ledger took").isLessThanOrEqualTo(taken);
        for (long saleId : crowd.confirmed) {
            assertThat(saleReferences).as("confirmed sale %d is in the ledger", saleId).contains("sale:" + saleId);
        }

        // --- every DELIVERED replenishment entered the ledger exactly once -------------------------------
        JsonNode replenishments = replenishments(api);
        assertThat(replenishments.size()).as("all replenishments fit in one page").isLessThan(1000);
        int delivered = 0;
        int deliveredQuantity = 0;
        Map<String, Integer> expectedOrders = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        for (JsonNode r : replenishments) {
            String id = r.get("id").asString();
            String status = r.get("status").asString();
            expectedOrders.put(id, 1 + r.get("reorders").asInt());
            if ("DELIVERED".equals(status)) {
                delivered++;
                deliveredQuantity += r.get("deliveredQuantity").asInt();
                assertThat(deliveryLines.getOrDefault("replenishment:" + id, 0))
                        .as("DELIVERY lines of replenishment %s", id).isEqualTo(1);
            } else {
                failed.add(id + " " + status + " (" + r.get("lastError") + ")");
                assertThat(deliveryLines).as("no DELIVERY line for %s replenishment %s", status, id)
                        .doesNotContainKey("replenishment:" + id);
            }
        }
        assertThat(deliveryLines.keySet()).as("every DELIVERY line belongs to a replenishment of %s", SKU)
                .allMatch(ref -> expectedOrders.containsKey(ref.substring("replenishment:".length())));
        assertThat(deliveredPerLedger).as("sum of DELIVERY lines == sum of deliveredQuantity")
                .isEqualTo(deliveredQuantity);
        assertThat(delivered).as("the shelf emptied and refilled several times").isGreaterThanOrEqualTo(3);

        // --- one factory order per stock-out (and per re-order) --------------------------------------------
        Map<String, Integer> factoryOrders = new TreeMap<>();
        Map<String, Integer> orderedVia = new TreeMap<>();
        for (JsonNode order : get(factoryUrl + "/api/orders").json()) {
            if (!SKU.equals(order.get("productId").asString())) {
                continue;
            }
            URI callback = URI.create(order.get("callbackUrl").asString());
            String path = callback.getPath();
            factoryOrders.merge(path.substring(path.lastIndexOf('/') + 1), 1, Integer::sum);
            orderedVia.merge(callback.getHost() + ":" + callback.getPort(), 1, Integer::sum);
        }
        int reorders = expectedOrders.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("scale-out: %d replenishments (%d delivered, %d re-orders), %d factory orders via %s; "
                        + "not delivered: %s%n", replenishments.size(), delivered, reorders,
                factoryOrders.values().stream().mapToInt(Integer::intValue).sum(), orderedVia, failed);
        assertThat(factoryOrders.keySet()).as("every factory order belongs to a replenishment")
                .isSubsetOf(expectedOrders.keySet());
        assertThat(factoryOrders).as("factory orders per replenishment == 1 + its re-orders")
                .isEqualTo(expectedOrders);

        // --- one alert per incident ------------------------------------------------------------------------
        Set<String> incidents = new HashSet<>();
        List<String> alerts = new ArrayList<>();
        for (JsonNode alert : get(api + "/api/ops/summary").json().get("alerts")) {
            String incident = alert.get("kind").asString() + " " + alert.path("replenishmentId").asString("");
            alerts.add(incident);
            assertThat(incidents.add(incident)).as("one alert per incident: %s", incident).isTrue();
        }
        dataToDelete = runDir.resolve("data");
        System.out.printf("scale-out: alerts %s; passed in %d s (%d s after the six processes were up)%n", alerts,
                (System.nanoTime() - began) / 1_000_000_000, (System.nanoTime() - openAt) / 1_000_000_000);
    }

    /**
     * The instance whose factory order of CP-502101 is still in production (its callback pending) and
     * recorded as ORDERED, or the second instance if none is seen within {@code patience}. An instance
     * killed between the factory's acceptance and that record leaves the replenishment REQUESTED, and
     * the next instance to claim it orders again: a window no client of the legacy factory API (which
     * takes no idempotency key) can close, described in docs/guarantees.md, and not what this test is about.
     */
    private int instanceAwaitingCallback(String factoryUrl, List<String> apis, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                for (JsonNode order : get(factoryUrl + "/api/orders").json()) {
                    if (SKU.equals(order.get("productId").asString())
                            && "PENDING".equals(order.get("callbackStatus").asString())) {
                        URI callback = URI.create(order.get("callbackUrl").asString());
                        int instance = apis.indexOf("http://" + callback.getHost() + ":" + callback.getPort());
                        String replenishment = callback.getPath().substring(callback.getPath().lastIndexOf('/') + 1);
                        if (instance >= 0 && "ORDERED".equals(get(apis.get(instance) + "/api/replenishments/"
                                + replenishment).json().get("status").asString())) {
                            System.out.printf("scale-out: killing instance-%d while its factory order %s is in "
                                    + "production%n", instance + 1, order.get("orderId").asString());
                            return instance;
                        }
                    }
                }
            } catch (RuntimeException e) {
                // the factory is busy; look again
            }
            Thread.sleep(50);
        }
        System.out.println("scale-out: no factory order in production seen; killing instance-2");
        return 1;
    }

    // --- processes and ports ---------------------------------------------------------------------------------

    private static void awaitUp(ChildProcesses.Child child, java.util.concurrent.Callable<Boolean> up) {
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .failFast(child.name() + " exited before it was up", () -> !child.process().isAlive())
                    .ignoreExceptions().until(up);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + " (within " + STARTUP + "); end of " + child.log() + ":\n"
                    + child.tail(40), e);
        }
    }

    private static boolean isMariadbd(ProcessHandle p) {
        return p.info().command().orElse("").contains("mariadbd");
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path targetDir() throws URISyntaxException {
        // target/test-classes -> target
        return Path.of(ScaleOutIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    // --- the shop's API ----------------------------------------------------------------------------------------

    private int stock(String api) {
        return get(api + "/api/products/" + SKU).json().get("stock").asInt();
    }

    private JsonNode ledger(String api) {
        var answer = get(api + "/api/products/" + SKU + "/ledger?limit=1000");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().size()).as("the whole ledger fits in one page").isLessThan(1000);
        return answer.json();
    }

    private JsonNode replenishments(String api) {
        var answer = get(api + "/api/replenishments?sku=" + SKU + "&limit=1000");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private int openReplenishments(String api) {
        int open = 0;
        for (JsonNode r : replenishments(api)) {
            String status = r.get("status").asString();
            if ("REQUESTED".equals(status) || "ORDERED".equals(status)) {
                open++;
            }
        }
        return open;
    }

    private Answer get(String url) {
        return send("GET", url, null);
    }

    private Answer send(String method, String url, String json, String... headers) {
        return JsonHttp.call(http, method, URI.create(url), json, headers);
    }

    /**
     * Buyers of one donut each, spread round-robin over the instances like a load balancer would;
     * an instance marked dead gets no new requests, and a request that got no answer is a failed
     * request, never a confirmed sale.
     */
    private final class RoundRobinCrowd {
        final ConcurrentLinkedQueue<Long> confirmed = new ConcurrentLinkedQueue<>();
        final AtomicIntegerArray perInstance = new AtomicIntegerArray(INSTANCES);
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<String> otherAnswers = new CopyOnWriteArrayList<>();
        private final List<String> apis;
        private final AtomicIntegerArray dead = new AtomicIntegerArray(INSTANCES);
        private final AtomicLong next = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);

        RoundRobinCrowd(List<String> apis) {
            this.apis = apis;
        }

        void start() {
            for (int i = 0; i < BUYERS; i++) {
                buyers.submit(this::buy);
            }
        }

        void markDead(int instance) {
            dead.set(instance, 1);
        }

        private int pick() {
            while (true) {
                int i = (int) (next.getAndIncrement() % INSTANCES);
                if (dead.get(i) == 0) {
                    return i;
                }
            }
        }

        private void buy() {
            while (!stop.get()) {
                int instance = pick();
                Answer answer;
                try {
                    answer = send("POST", apis.get(instance) + "/api/sales", "{\"sku\":\"" + SKU + "\",\"quantity\":1}");
                } catch (RuntimeException e) {
                    failed.incrementAndGet(); // the instance died under it: outcome unknown, not a confirmed sale
                    pause(20);
                    continue;
                }
                if (answer.status() == 201) {
                    confirmed.add(answer.json().get("id").asLong());
                    perInstance.incrementAndGet(instance);
                } else if (answer.status() == 409) {
                    refused.incrementAndGet();
                    pause(20); // a buyer in front of an empty shelf does not hammer the button
                } else {
                    otherAnswers.add(answer.status() + " " + answer.body());
                }
            }
        }

        private void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
        }

        void stopAndAwait() throws InterruptedException {
            stop.set(true);
            buyers.shutdown();
            assertThat(buyers.awaitTermination(30, TimeUnit.SECONDS)).as("buyers stopped").isTrue();
        }
    }
}
