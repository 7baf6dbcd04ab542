package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anonymous reads and purchases never wait for each other's connections: with every purchase
 * connection taken, the catalog, listings, the ops summary, health and metrics still answer; with
 * every read connection taken, purchases still sell and health (overall, {@code db} and {@code ledger})
 * stays UP without waiting for a read connection; and a statement on
 * the read pool that runs too long is stopped by the server, not merely abandoned by the client.
 */
class SeparatePoolsTest {

    private static final String TOKEN = "Bearer test-admin-token";

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_DB_POOL_SIZE", "3",
            "DONUT_DB_READ_POOL_SIZE", "4",
            "DONUT_DB_CONNECTION_WAIT", "500ms",
            "DONUT_DB_READ_TIMEOUT", "1s");

    @Test
    void reads_and_health_answer_while_buyers_hold_every_purchase_connection() throws SQLException {
        shop.setStock(TestShop.SKU, 50);
        List<Connection> held = take(pool("dataSource"), 3);
        try {
            assertThat(shop.buy(TestShop.SKU, 1).status()).as("the purchase pool is exhausted").isEqualTo(503);
            for (String path : List.of("/api/products", "/api/products/" + TestShop.SKU,
                    "/api/products/" + TestShop.SKU + "/ledger", "/api/replenishments", "/api/ops/summary",
                    "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus")) {
                // Metrics need the admin token, as a scrape config sends it; the rest is anonymous.
                var answer = path.endsWith("prometheus") ? shop.get(path, "Authorization", TOKEN) : shop.get(path);
                assertThat(answer.status()).as(path + " answered " + answer.body()).isEqualTo(200);
            }
        } finally {
            release(held);
        }
        assertThat(shop.buy(TestShop.SKU, 1).status()).isEqualTo(201);
    }

    @Test
    void purchases_sell_and_health_stays_up_while_readers_hold_every_read_connection() throws SQLException {
        shop.setStock(TestShop.SKU, 50);
        List<Connection> held = take(pool("readsDataSource"), 4);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(shop.buy(TestShop.SKU, 1).status()).isEqualTo(201);
            }
            var catalog = shop.get("/api/products");
            assertThat(catalog.status()).as("a reader that cannot get a read connection is told to come back")
                    .isEqualTo(503);
            assertThat(catalog.body()).contains("DATABASE_UNAVAILABLE");
            var answer = shop.get("/actuator/health", "Authorization", TOKEN);
            var health = answer.json();
            assertThat(answer.status()).as("health answered " + answer.body()).isEqualTo(200);
            assertThat(health.get("status").asString()).as("overall health: " + answer.body()).isEqualTo("UP");
            assertThat(health.get("components").get("db").get("status").asString())
                    .as("the probe has a connection of its own").isEqualTo("UP");
            assertThat(health.get("components").get("ledger").get("status").asString())
                    .as("the ledger check reads over the probe's connections, in the background").isEqualTo("UP");
            var anonymous = shop.get("/actuator/health");
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
            assertThat(shop.get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            release(held);
        }
    }

    @Test
    void the_server_stops_a_read_that_runs_past_the_read_timeout() {
        var reads = JdbcClient.create(pool("readsDataSource"));
        long started = System.nanoTime();

        // Adding up ten billion rows of MariaDB's sequence engine takes minutes unless the server stops it.
        assertThatThrownBy(() -> reads.sql("SELECT SUM(seq % 7) FROM seq_1_to_10000000000").query(Long.class).single())
                .hasMessageContaining("max_statement_time");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // The server ends the statement itself; it leaves its process list a moment after the client hears of it.
        var writers = JdbcClient.create(pool("dataSource"));
        org.awaitility.Awaitility.await("the statement gone from the server").atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> writers.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                        + "WHERE INFO LIKE CONCAT('%seq_1_to_', '10000000000%')").query(Long.class).single() == 0);
    }

    private static HikariDataSource pool(String name) {
        return shop.shop().context().getBean(name, HikariDataSource.class);
    }

    private static List<Connection> take(HikariDataSource pool, int count) throws SQLException {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(pool.getConnection());
        }
        return held;
    }

    private static void release(List<Connection> held) throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
    }
}
