package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.factory.simulator.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A factory outage has one path, whether the factory fails from the start or its circuit is already
 * open when the order comes: the replenishment shows it waits for the factory, ops get one
 * FACTORY_UNAVAILABLE alert naming the factory and the waiting products, the replenishment ends
 * FAILED in dead_letter_queue after the give-up bound with a DEAD_LETTERED alert, and a redrive once
 * the factory works again restocks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FactoryOutageTest {

    private static final String TOKEN = "Bearer test-admin-token";
    private static final String FACTORY = "FF-500293";

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_FACTORY_FAILURE_RATE", "1.0",
            "DONUT_FACTORY_OUTAGE_ALERT_AFTER", "1s",
            "DONUT_FACTORY_GIVE_UP_AFTER", "6s",
            "DONUT_FACTORY_CIRCUIT_OPEN_FOR", "1m",
            "DONUT_REPLENISHMENT_SWEEP_INTERVAL", "200ms");

    @Test
    @Order(1)
    void a_factory_that_fails_from_the_start_is_reported_then_its_replenishment_is_dead_lettered() {
        String id = stockOut("CP-502101");

        JsonNode waiting = await().atMost(Duration.ofSeconds(10)).until(() -> replenishment(id),
                r -> r.hasNonNull("waitingForFactorySince"));
        assertThat(waiting.get("status").asString()).isEqualTo("REQUESTED");

        JsonNode alert = await().atMost(Duration.ofSeconds(10)).until(() -> outageAlert("CP-502101"), a -> a != null);
        assertThat(alert.get("factoryId").asString()).isEqualTo(FACTORY);
        assertThat(alert.get("reason").asString()).contains("has not taken an order").contains("dead_letter_queue");
        assertThat(alert.get("lastError").asString()).contains("503")
                .as("anonymous callers do not see the factory's address").doesNotContain("://");

        assertDeadLettered(id);
    }

    @Test
    @Order(2)
    void an_order_that_finds_the_circuit_already_open_takes_the_same_path_and_a_redrive_restocks() {
        assertThat(shop.get("/actuator/health", "Authorization", TOKEN).json().get("components").get("factory")
                .get("details").get("circuits").get(FACTORY).asString())
                .as("the first outage opened the factory's circuit").isEqualTo("OPEN");
        long refusedBefore = shop.factory().stats().ordersRefused();

        String id = stockOut("CP-502102");

        JsonNode waiting = await().atMost(Duration.ofSeconds(10)).until(() -> replenishment(id),
                r -> r.hasNonNull("waitingForFactorySince"));
        assertThat(waiting.get("lastError").asString()).contains("circuit open").contains("503")
                .as("anonymous callers do not see the factory's address").doesNotContain("://");
        JsonNode alert = await().atMost(Duration.ofSeconds(10)).until(() -> outageAlert("CP-502102"), a -> a != null);
        assertThat(alert.get("factoryId").asString()).as("its own alert, though the factory has failed since the first")
                .isEqualTo(FACTORY);
        assertThat(alert.get("reason").asString()).contains("has not taken an order").doesNotContain("CP-502101");
        assertThat(alert.get("lastError").asString()).contains("circuit open");
        String letterId = assertDeadLettered(id);
        assertThat(shop.factory().stats().ordersRefused()).as("no calls while the circuit is open")
                .isEqualTo(refusedBefore);

        shop.factory().faults(Faults.DEFAULT);
        // The circuit's open period (a minute here, to keep it open through this test) ends as it would.
        shop.shop().context().getBean(io.donutstates.factory.CircuitBreakingFactory.class).circuits()
                .circuitBreaker(FACTORY).transitionToClosedState();
        assertThat(shop.post("/api/admin/dlq/" + letterId + "/redrive", "", "Authorization", TOKEN).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shop.stockOf("CP-502102")).isEqualTo(20));
        JsonNode delivered = replenishment(id);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.hasNonNull("waitingForFactorySince")).as("cleared once ordered").isFalse();
    }

    private static String stockOut(String sku) {
        shop.setStock(sku, 0);
        var refused = shop.buy(sku, 1);
        assertThat(refused.status()).isEqualTo(409);
        return refused.json().get("replenishment").get("id").asString();
    }

    /** FAILED, with a DEAD_LETTERED alert, and its message listed in dead_letter_queue; returns the letter's id. */
    private static String assertDeadLettered(String id) {
        JsonNode failed = await().atMost(Duration.ofSeconds(20)).until(() -> replenishment(id),
                r -> "FAILED".equals(r.get("status").asString()));
        assertThat(Duration.between(java.time.Instant.parse(failed.get("waitingForFactorySince").asString()),
                java.time.Instant.parse(failed.get("failedAt").asString())))
                .as("failed once the factory had failed it for the give-up bound").isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        JsonNode deadLettered = await().atMost(Duration.ofSeconds(10)).until(() -> alert("DEAD_LETTERED", id),
                a -> a != null);
        assertThat(deadLettered.get("factoryId").asString()).isEqualTo(FACTORY);
        assertThat(deadLettered.get("reason").asString()).contains("dead_letter_queue");
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode letter : shop.get("/api/admin/dlq", "Authorization", TOKEN).json()) {
                if (id.equals(letter.get("replenishmentId").asString())) {
                    return letter.get("id").asString();
                }
            }
            return null;
        }, letter -> letter != null);
    }

    private static JsonNode replenishment(String id) {
        return shop.get("/api/replenishments/" + id).json();
    }

    private static JsonNode alert(String kind, String replenishmentId) {
        for (JsonNode a : shop.get("/api/ops/summary").json().get("alerts")) {
            if (kind.equals(a.get("kind").asString()) && replenishmentId.equals(a.path("replenishmentId").asString(""))) {
                return a;
            }
        }
        return null;
    }

    private static JsonNode outageAlert(String sku) {
        List<JsonNode> found = new ArrayList<>();
        shop.get("/api/ops/summary").json().get("alerts").forEach(a -> {
            if ("FACTORY_UNAVAILABLE".equals(a.get("kind").asString()) && a.get("reason").asString().contains(sku)) {
                found.add(a);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }
}
