package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The ledger audit catches what a writer behind the shop's back does to the books: a shelf changed
 * without a ledger line, and a ledger line that takes the running balance below zero. Each test
 * breaks a product of its own.
 */
class LedgerAuditTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    @Test
    void stock_changed_behind_the_ledgers_back_takes_the_ledger_health_down() {
        String sku = "CP-502104";
        shop.buy(sku, 1);
        assertThat(ledgerHealth().get("status").asString()).isEqualTo("UP");

        database().sql("UPDATE product_slot SET stock = stock + 5 WHERE sku = ? AND slot = 0").param(sku).update();

        // Health reads the audit at most once a second, whoever asks.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ledgerHealth().get("status").asString()).isEqualTo("DOWN"));
        JsonNode audit = shop.invariantsNow();
        assertThat(audit.get("holds").asBoolean()).isFalse();
        assertThat(product(audit, sku).get("stock").asInt())
                .isEqualTo(product(audit, sku).get("ledgerBalance").asInt() + 5);
    }

    @Test
    void a_ledger_line_that_takes_the_running_balance_below_zero_is_found_and_reported() {
        String sku = "CP-502103";
        shop.buy(sku, 2);
        int stock = shop.stockOf(sku);
        // Claims the shelf's own balance, so only following the lines one by one can tell.
        database().sql("""
                        INSERT INTO stock_movement (sku, change_qty, balance_after, reason, reference, moved_at)
                        VALUES (?, -1000, ?, 'SALE', 'sale:forged', UTC_TIMESTAMP(3))
                        """).params(sku, stock).update();

        JsonNode audit = await().atMost(Duration.ofSeconds(30)).until(shop::invariantsNow,
                a -> product(a, sku).get("problem") != null);

        assertThat(audit.get("holds").asBoolean()).isFalse();
        assertThat(product(audit, sku).get("problem").asString()).contains("below zero");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ledgerHealth().get("status").asString()).isEqualTo("DOWN"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(shop.get("/api/ops/summary").json().get("alerts").toString())
                        .contains("LEDGER_BROKEN").contains(sku));
    }

    @Test
    void a_full_replay_runs_in_the_background_and_checks_every_line() {
        for (int i = 0; i < 5; i++) {
            shop.buy("CP-502102", 1);
        }
        var admin = new String[] {"Authorization", "Bearer test-admin-token"};
        assertThat(shop.post("/api/admin/ledger/replay", "", admin).status()).isEqualTo(202);

        JsonNode replay = await().atMost(Duration.ofSeconds(30))
                .until(() -> shop.get("/api/admin/ledger/replay", admin).json(),
                        r -> "DONE".equals(r.get("status").asString()));

        long lines = database().sql("SELECT COUNT(*) FROM stock_movement WHERE id <= ? AND sku NOT IN (?, ?)")
                .params(replay.get("throughLine").asLong(), "CP-502103", "CP-502104").query(Long.class).single();
        assertThat(replay.get("checked").asLong()).as("lines of the products nobody broke, at least")
                .isGreaterThanOrEqualTo(lines);
        assertThat(shop.get("/api/admin/ledger/replay").status()).as("admin only").isEqualTo(401);
    }

    private static JsonNode ledgerHealth() {
        return shop.get("/actuator/health", "Authorization", "Bearer test-admin-token").json().get("components").get("ledger");
    }

    private static JsonNode product(JsonNode audit, String sku) {
        for (JsonNode product : audit.get("products")) {
            if (product.get("sku").asString().equals(sku)) {
                return product;
            }
        }
        throw new AssertionError("no " + sku + " in " + audit);
    }

    private static JdbcClient database() {
        return JdbcClient.create(new DriverManagerDataSource(shop.databaseUrl(), SharedMariaDb.USER, SharedMariaDb.password()));
    }
}
