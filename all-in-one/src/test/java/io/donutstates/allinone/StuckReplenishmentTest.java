package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A factory that takes orders but never calls back: ordered again, then FAILED and reported, never
 * silent; an alert channel that is down holds up nothing.
 */
class StuckReplenishmentTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_FACTORY_DROP_CALLBACKS", "true",
            "DONUT_REPLENISHMENT_DEADLINE", "2s",
            "DONUT_REPLENISHMENT_MAX_REORDERS", "1",
            // Nobody listens here: alert delivery fails, and must not hold anything up.
            "DONUT_ALERT_WEBHOOK_URL", "http://127.0.0.1:9/hook");

    @Test
    void an_undelivered_order_is_placed_again_then_failed() {
        shop.setStock(TestShop.SKU, 0);
        String id = shop.buy(TestShop.SKU, 1).json().get("replenishment").get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var replenishment = shop.get("/api/replenishments/" + id).json();
            assertThat(replenishment.get("status").asString()).isEqualTo("FAILED");
            assertThat(replenishment.get("reorders").asInt()).isEqualTo(1);
        });
        assertThat(shop.factory().orders().stream().filter(o -> o.callbackUrl().contains(id)).count())
                .as("the first order and one re-order").isEqualTo(2);

        var alerts = shop.get("/api/ops/summary").json().get("alerts");
        assertThat(alerts.toString()).contains("REPLENISHMENT_STUCK").contains(id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(shop.metrics())
                .containsPattern("donut_alerts_delivered_total\\{[^}]*channel=\"webhook\",result=\"failed\"\\} [1-9]"));

        var next = shop.buy(TestShop.SKU, 1);
        assertThat(next.status()).isEqualTo(409);
        assertThat(next.json().get("replenishment").get("id").asString())
                .as("a failed replenishment makes room for a new one").isNotEqualTo(id);
    }
}
