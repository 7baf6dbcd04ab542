package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database goes away (every connection dropped, new ones hung up on, as when {@code mariadbd}
 * dies): purchases are answered 503 with Retry-After within a few seconds and sell nothing; health
 * still answers at once and says {@code db} is DOWN, readiness fails, liveness holds; when the
 * database is back, sales resume by themselves and ops get one alert saying how long it was gone.
 */
class DatabaseLossTest {

    private static final String TOKEN = "Bearer test-admin-token";
    private static final String SKU = TestShop.SKU;
    private static String proxiedUrl;
    private static final CuttableProxy proxy = proxyToFreshDatabase();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_DB_URL", proxiedUrl,
            "DONUT_DB_CONNECTION_WAIT", "1s");

    private static CuttableProxy proxyToFreshDatabase() {
        String url = SharedMariaDb.freshDatabaseUrl();
        Matcher parts = Pattern.compile("jdbc:mariadb://([^:/]+):(\\d+)(/.*)").matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException("unexpected database URL " + url);
        }
        try {
            var proxy = new CuttableProxy(parts.group(1), Integer.parseInt(parts.group(2)));
            proxiedUrl = "jdbc:mariadb://127.0.0.1:" + proxy.port() + parts.group(3);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @Test
    void a_lost_database_answers_purchases_503_fast_sells_nothing_and_sales_resume_when_it_is_back() {
        shop.setStock(SKU, 10);
        assertThat(shop.buy(SKU, 1).status()).isEqualTo(201);

        proxy.cut();

        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            HttpResponse<String> refused = purchase();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body()).contains("DATABASE_UNAVAILABLE").doesNotContain("Exception");
            assertThat(took).as("answered within the connection wait, not the old 10 s").isLessThan(Duration.ofSeconds(5));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var health = get("/actuator/health", TOKEN);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(JsonMapper.builder().build().readTree(health.body()).get("components").get("db").get("status")
                    .asString()).isEqualTo("DOWN");
        });
        long started = System.nanoTime();
        var anonymous = get("/actuator/health", null);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("health reads a background probe")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(anonymous.body()).as("anonymous callers see the status alone").contains("\"status\":\"DOWN\"")
                .doesNotContain("components").doesNotContain("details").doesNotContain("donut-db");
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

        proxy.restore();

        await().atMost(Duration.ofSeconds(30)).until(() -> purchase().statusCode() == 201);
        assertThat(shop.stockOf(SKU)).as("the refused purchases sold nothing").isEqualTo(8);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            assertThat(shop.get("/api/ops/summary").body()).contains("DATABASE_UNAVAILABLE");
        });
        assertThat(shop.invariants().get("holds").asBoolean()).isTrue();
        String metrics = shop.metrics();
        for (String pool : List.of("donut-db", "donut-reads", "donut-probe")) {
            assertThat(metrics).as("the pools' own metrics").containsPattern(
                    "(?m)^hikaricp_connections_pending\\{[^}]*pool=\"" + pool + "\"");
        }
    }

    private static HttpResponse<String> purchase() {
        return send(HttpRequest.newBuilder(shop.uri("/api/sales"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + SKU + "\",\"quantity\":1}")));
    }

    private static HttpResponse<String> get(String path, String authorization) {
        var request = HttpRequest.newBuilder(shop.uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
