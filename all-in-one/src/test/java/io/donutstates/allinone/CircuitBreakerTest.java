package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A factory that is down stops being called; the queue holds the order instead of dead-lettering it. */
class CircuitBreakerTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_FACTORY_FAILURE_RATE", "1.0",
            "DONUT_QUEUE_MAX_RECEIVE_COUNT", "6",
            "DONUT_FACTORY_CIRCUIT_OPEN_FOR", "1m");

    @Test
    void an_open_circuit_stops_factory_calls_and_keeps_the_order_waiting() {
        shop.setStock(TestShop.SKU, 0);
        String id = shop.buy(TestShop.SKU, 1).json().get("replenishment").get("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> shop.factory().stats().ordersRefused() >= 5);
        long refusedWhenOpened = shop.factory().stats().ordersRefused();

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            assertThat(shop.factory().stats().ordersRefused()).as("no calls while open").isEqualTo(refusedWhenOpened);
            assertThat(shop.get("/api/replenishments/" + id).json().get("status").asString()).isEqualTo("REQUESTED");
        });
        var health = shop.get("/actuator/health", "Authorization", "Bearer test-admin-token").json();
        assertThat(health.get("components").get("factory").get("details").get("circuits").get("FF-500293").asString())
                .isEqualTo("OPEN");
        assertThat(shop.get("/api/ops/summary").json().get("queues").get("deadLetterQueue").get("depth").asInt())
                .isZero();
    }
}
