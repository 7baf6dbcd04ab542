package io.donutstates.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tool end to end, in-process, against {@link StubShop}. */
@Timeout(20)
class LoadGeneratorTest {

    @TempDir
    Path dir;

    private StubShop shop;

    @AfterEach
    void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void flashCrowdRecordsExactlyTheRequestedCount(ClientKind client) throws IOException {
        shop = new StubShop(1, 4).product("CP-502101", 1_000_000);

        Run run = run("--url", shop.url(0), "--client", client.cliName(), "--requests", "1500", "--concurrency", "20");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.json.path("requests").asLong()).isEqualTo(1500);
        assertThat(run.json.path("sold").asLong()).isEqualTo(1500);
        assertThat(run.json.path("outOfStock").asLong() + run.json.path("errors").asLong()).isZero();
        assertThat(run.json.path("latencyMs").path("p50").asDouble()).isPositive();
        assertThat(run.json.path("latencyMs").path("max").asDouble())
                .isGreaterThanOrEqualTo(run.json.path("latencyMs").path("p99").asDouble());
        assertThat(run.json.path("consistency").path("passed").asBoolean()).isTrue();
        assertThat(shop.salesRequestsTo(0)).isEqualTo(1500); // no warmup: nothing sent beyond the count
        assertThat(shop.stock("CP-502101")).isEqualTo(1_000_000 - 1500);
        assertThat(run.out).contains("requests      1500", "consistency   PASS");
    }

    @Test
    void sellOutSplitsIntoSoldAndOutOfStockAndRequestsOneReplenishment() throws IOException {
        shop = new StubShop(1, 4).product("CP-502101", 7);

        Run run = run("--url", shop.url(0), "--requests", "300", "--concurrency", "16",
                "--set-stock", "100", "--admin-token", StubShop.ADMIN_TOKEN, "--label", "sell-out");

        assertThat(run.code).as(run.err).isZero();
        JsonNode j = run.json;
        assertThat(j.path("label").asString()).isEqualTo("sell-out");
        assertThat(j.path("sold").asLong()).isEqualTo(100);
        assertThat(j.path("outOfStock").asLong()).isEqualTo(200);
        assertThat(j.path("sold").asLong() + j.path("outOfStock").asLong() + j.path("errors").asLong()).isEqualTo(300);
        assertThat(j.path("replenishmentsCreated").asLong()).isEqualTo(1);
        JsonNode check = j.path("consistency").path("skus").get(0);
        assertThat(check.path("stockBefore").asLong()).isEqualTo(100);
        assertThat(check.path("stockAfter").asLong()).isZero();
        assertThat(check.path("confirmedSold").asLong()).isEqualTo(100);
    }

    @Test
    void deliveriesDuringTheRunCountButEarlierOnesDoNot() throws IOException {
        shop = new StubShop(1, 4).product("CP-502101", 10);
        shop.addDeliveredBefore("CP-502101", 999);
        shop.autoDeliver = true;

        Run run = run("--url", shop.url(0), "--requests", "400", "--concurrency", "8", "--quantity", "1-3");

        assertThat(run.code).as(run.out + run.err).isZero();
        JsonNode check = run.json.path("consistency").path("skus").get(0);
        long created = check.path("replenishmentsCreated").asLong();
        assertThat(created).isPositive();
        assertThat(check.path("deliveredDuringRun").asLong()).isEqualTo(50 * created);
        assertThat(check.path("passed").asBoolean()).isTrue();
    }

    @Test
    void warmupRequestsAreSentButNotRecordedYetCountForConsistency() throws IOException {
        shop = new StubShop(1, 4).product("CP-502101", 1_000_000);

        Run run = run("--url", shop.url(0), "--requests", "200", "--concurrency", "4", "--warmup", "300ms");

        assertThat(run.code).as(run.err).isZero();
        long warmup = run.json.path("warmupRequests").asLong();
        assertThat(warmup).isPositive();
        assertThat(run.json.path("requests").asLong()).isEqualTo(200);
        assertThat(shop.salesRequestsTo(0)).isEqualTo(200 + warmup);
        assertThat(run.json.path("consistency").path("skus").get(0).path("confirmedSold").asLong()).isEqualTo(200 + warmup);
        assertThat(run.json.path("consistency").path("passed").asBoolean()).isTrue();
    }

    @Test
    void serverErrorsAreCountedByStatus() throws IOException {
        shop = new StubShop(1, 4).product("CP-502101", 1_000_000);
        shop.failEvery = 10;

        Run run = run("--url", shop.url(0), "--requests", "1000", "--concurrency", "10");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.json.path("errors").asLong()).isEqualTo(100);
        assertThat(run.json.path("errorsByKind").path("HTTP 500").asLong()).isEqualTo(100);
        assertThat(run.json.path("sold").asLong()).isEqualTo(900);
        assertThat(run.out).contains("error HTTP 500");
    }

    @Test
    void legacySendIsClassifiedByItsKoreanBody() throws IOException {
        shop = new StubShop(1, 4).product("CP-502101", 50);

        Run run = run("--url", shop.url(0), "--scenario", "legacy-send", "--requests", "200", "--concurrency", "8");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.json.path("sold").asLong()).isEqualTo(50);
        assertThat(run.json.path("outOfStock").asLong()).isEqualTo(150);
        assertThat(run.json.path("errors").asLong()).isZero();
        assertThat(run.json.path("consistency").path("passed").asBoolean()).isTrue();
    }

    @Test
    void aServerThatSellsWhatItDoesNotTakeFromStockFails() throws IOException {
        shop = new StubShop(1, 4).product("CP-502101", 1000);
        shop.honest = false;

        Run run = run("--url", shop.url(0), "--requests", "100", "--concurrency", "4");

        assertThat(run.code).isEqualTo(3);
        assertThat(run.json.path("consistency").path("passed").asBoolean()).isFalse();
        assertThat(run.out).contains("consistency   FAIL CP-502101: stock 1000 -> 1000, delivered 0, taken 0, confirmed sold 100");
    }

    @Test
    void catalogSpreadsOverEverySkuAndChecksEach() throws IOException {
        shop = new StubShop(1, 4).product("A-1", 100_000).product("B-2", 100_000).product("C-3", 100_000);

        Run run = run("--url", shop.url(0), "--scenario", "catalog", "--requests", "600", "--concurrency", "8", "--quantity", "1-2");

        assertThat(run.code).as(run.err).isZero();
        List<String> checked = new ArrayList<>();
        long taken = 0;
        for (JsonNode c : run.json.path("consistency").path("skus")) {
            checked.add(c.path("sku").asString());
            assertThat(c.path("confirmedSold").asLong()).isPositive();
            taken += c.path("stockBefore").asLong() - c.path("stockAfter").asLong();
        }
        assertThat(checked).containsExactly("A-1", "B-2", "C-3");
        assertThat(taken).isBetween(600L, 1200L);
    }

    @Test
    void everyUrlReceivesTraffic() throws IOException {
        shop = new StubShop(3, 4).product("CP-502101", 1_000_000);

        Run run = run("--url", shop.urls(), "--requests", "300", "--concurrency", "6");

        assertThat(run.code).as(run.err).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(shop.salesRequestsTo(i)).as("instance " + i).isGreaterThan(50);
            assertThat(run.json.path("requestsByUrl").path(shop.url(i)).asLong()).isEqualTo(shop.salesRequestsTo(i));
        }
    }

    @Test
    void socketClientCopesWithChunkedAnswersAndClosedConnections() throws IOException {
        shop = new StubShop(1, 4).product("CP-502101", 150);
        shop.chunked = true;
        shop.connectionClose = true;

        Run run = run("--url", shop.url(0), "--requests", "300", "--concurrency", "8");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.json.path("errors").asLong()).isZero();
        assertThat(run.json.path("sold").asLong()).isEqualTo(150);
        assertThat(run.json.path("outOfStock").asLong()).isEqualTo(150);
    }

    @Test
    void durationBoundRunPrintsOneLineASecondWhileItRuns() throws Exception {
        shop = new StubShop(1, 4).product("CP-502101", 1_000_000);
        Path json = dir.resolve("timed.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"--url", shop.url(0), "--duration", "2500ms", "--concurrency", "4", "--warmup", "0s", "--json", json.toString()};

        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() ->
                LoadGeneratorMain.run(args, OptionsParserTest.print(out), OptionsParserTest.print(new ByteArrayOutputStream())));

        await().atMost(Duration.ofSeconds(5)).until(() -> out.toString(StandardCharsets.UTF_8).contains("    1s run"));
        assertThat(code).as("the line came during the run, not after it").isNotDone();
        assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("\\s1s run\\s+\\d+ req/s\\s+sold\\s+\\d+\\s+out-of-stock\\s+0\\s+errors\\s+0")
                .contains("    2s run");
        JsonNode result = JsonMapper.shared().readTree(json.toFile());
        assertThat(result.path("measuredSeconds").asDouble()).isBetween(2.4, 4.0);
        assertThat(result.path("requestsPerSecond").asDouble()).isPositive();
    }

    @Test
    void unreachableServerIsOneLineAndExitOne() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Run run = run("--url", "http://127.0.0.1:" + port, "--requests", "10");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err.strip()).doesNotContain("\n").startsWith("error: cannot reach http://127.0.0.1:" + port);
        assertThat(Files.exists(dir.resolve("result.json"))).isFalse();
    }

    @Test
    void unknownSkuIsAnErrorBeforeAnyLoad() throws IOException {
        shop = new StubShop(1, 2).product("CP-502101", 10);

        Run run = run("--url", shop.url(0), "--sku", "NOPE", "--requests", "10");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("answered 404");
        assertThat(shop.salesRequestsTo(0)).isZero();
    }

    private Run run(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--quiet");
        return runLoud(all.toArray(String[]::new));
    }

    private Run runLoud(String... args) throws IOException {
        Path json = dir.resolve("result.json");
        List<String> all = new ArrayList<>(List.of("--json", json.toString(), "--warmup", "0s", "--timeout", "5s"));
        all.addAll(List.of(args)); // later options win, so a test may set its own warmup
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LoadGeneratorMain.run(all.toArray(String[]::new), OptionsParserTest.print(out), OptionsParserTest.print(err));
        JsonNode tree = Files.exists(json) ? JsonMapper.shared().readTree(json.toFile()) : null;
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), tree);
    }

    private record Run(int code, String out, String err, JsonNode json) {
    }
}
