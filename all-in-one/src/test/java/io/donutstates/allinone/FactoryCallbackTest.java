package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.factory.simulator.Faults;
import io.donutstates.factory.simulator.OrderSnapshot;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The factory's "production complete" callback, sent by hand to the URL the factory was given:
 * counted exactly once, authenticated, count as number or string, JSON or text/plain.
 */
class FactoryCallbackTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_FACTORY_DROP_CALLBACKS", "true");

    private URI callbackUrl;
    private String replenishmentId;

    @BeforeEach
    void an_order_the_factory_accepted_but_has_not_delivered() {
        shop.setStock(TestShop.SKU, 0);
        replenishmentId = shop.buy(TestShop.SKU, 1).json().get("replenishment").get("id").asString();
        OrderSnapshot order = await().atMost(Duration.ofSeconds(15)).until(
                () -> shop.factory().orders().stream()
                        .filter(o -> o.callbackUrl().contains(replenishmentId)).findFirst().orElse(null),
                o -> o != null);
        callbackUrl = URI.create(order.callbackUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> "ORDERED".equals(
                shop.get("/api/replenishments/" + replenishmentId).json().get("status").asString()));
    }

    private static String completion(Object count) {
        return "{\"MessageGroupId\":\"stock-arrival-group\",\"MessageAttributeProductId\":\"CP-502101\","
                + "\"MessageAttributeProductCnt\":" + count + ",\"MessageAttributeFactoryId\":\"FF-500293\","
                + "\"MessageAttributeRequester\":\"Donut-States\"}";
    }

    @Test
    void a_repeated_callback_is_counted_once() {
        var first = shop.postRaw(callbackUrl, "application/json", completion(10));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("DELIVERED");
        var second = shop.postRaw(callbackUrl, "application/json", completion(10));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("status").asString()).isEqualTo("ALREADY_DELIVERED");

        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(10);
        assertThat(shop.get("/api/replenishments/" + replenishmentId).json().get("status").asString())
                .isEqualTo("DELIVERED");
    }

    @Test
    void takes_the_count_as_a_string_in_a_text_plain_body_and_records_a_different_count() {
        var answer = shop.postRaw(callbackUrl, "text/plain", completion("\"8\""));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(8);
        assertThat(shop.get("/api/replenishments/" + replenishmentId).json().get("deliveredQuantity").asInt())
                .isEqualTo(8);
    }

    @Test
    void a_count_above_the_order_is_refused_with_422_changes_nothing_and_alerts_once() {
        int ordered = shop.get("/api/replenishments/" + replenishmentId).json().get("quantity").asInt();
        for (int attempt = 0; attempt < 2; attempt++) {
            var answer = shop.postRaw(callbackUrl, "application/json", completion(1_000_000));
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.json().get("status").asString()).isEqualTo("DELIVERY_REFUSED");
            assertThat(answer.json().get("message").asString()).contains("1000000").contains(String.valueOf(ordered));
        }
        assertThat(shop.postRaw(callbackUrl, "application/json", completion(ordered + 1)).status())
                .as("one more than ordered, with no tolerance configured").isEqualTo(422);

        assertThat(shop.stockOf(TestShop.SKU)).isZero();
        var replenishment = shop.get("/api/replenishments/" + replenishmentId).json();
        assertThat(replenishment.get("status").asString()).isEqualTo("ORDERED");
        var deliveredQuantity = replenishment.get("deliveredQuantity");
        assertThat(deliveredQuantity == null || deliveredQuantity.isNull()).as("no delivery recorded").isTrue();
        var refusals = new java.util.ArrayList<String>();
        shop.get("/api/ops/summary").json().get("alerts").forEach(alert -> {
            if ("DELIVERY_REFUSED".equals(alert.get("kind").asString())
                    && replenishmentId.equals(alert.get("replenishmentId").asString())) {
                refusals.add(alert.toString());
            }
        });
        assertThat(refusals).as("one alert for the incident, however often it is repeated").hasSize(1);

        // The refused callback did not use the replenishment up: the genuine delivery still counts.
        var genuine = shop.postRaw(callbackUrl, "application/json", completion(ordered));
        assertThat(genuine.status()).isEqualTo(200);
        assertThat(genuine.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(ordered);
    }

    @Test
    void a_short_delivery_is_taken_in_noted_and_the_shelf_orders_again_when_it_runs_out() {
        int ordered = shop.get("/api/replenishments/" + replenishmentId).json().get("quantity").asInt();
        int delivered = ordered - 4;
        var answer = shop.postRaw(callbackUrl, "application/json", completion(delivered));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(answer.json().get("deliveredQuantity").asInt()).isEqualTo(delivered);
        assertThat(answer.json().get("orderedQuantity").asInt()).isEqualTo(ordered);

        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(delivered);
        var replenishment = shop.get("/api/replenishments/" + replenishmentId).json();
        assertThat(replenishment.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(replenishment.get("deliveredQuantity").asInt()).isEqualTo(delivered);
        assertThat(replenishment.get("notes").toString()).contains("short delivery: " + delivered + " of " + ordered);

        assertThat(shop.buy(TestShop.SKU, delivered).status()).isEqualTo(201);
        var next = shop.buy(TestShop.SKU, 1);
        assertThat(next.status()).isEqualTo(409);
        assertThat(next.json().get("replenishment").get("id").asString())
                .as("the empty shelf started a new replenishment").isNotEqualTo(replenishmentId);
    }

    @Test
    void a_token_for_one_replenishment_is_refused_on_another_and_changes_nothing() {
        shop.setStock("CP-502102", 0);
        String other = shop.buy("CP-502102", 1).json().get("replenishment").get("id").asString();
        String tokenOfThis = callbackUrl.getQuery().substring("token=".length());
        URI otherWithThisToken = shop.uri("/api/factory/callbacks/" + other + "?token=" + tokenOfThis);

        var answer = shop.postRaw(otherWithThisToken, "application/json",
                completion(10).replace("CP-502101", "CP-502102"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("status").asString()).isEqualTo("FORBIDDEN");
        assertThat(shop.stockOf("CP-502102")).isZero();
        assertThat(shop.get("/api/replenishments/" + other).json().get("status").asString())
                .isIn("REQUESTED", "ORDERED");
        assertThat(shop.get("/api/replenishments/" + replenishmentId).json().get("status").asString())
                .isEqualTo("ORDERED");
    }

    @Test
    void refuses_callbacks_without_the_right_token_and_changes_nothing() {
        String noToken = callbackUrl.toString().replaceAll("\\?token=.*$", "");
        assertThat(shop.postRaw(URI.create(noToken), "application/json", completion(10)).status()).isEqualTo(401);
        assertThat(shop.postRaw(URI.create(noToken + "?token=guess"), "application/json", completion(10)).status())
                .isEqualTo(403);
        assertThat(shop.stockOf(TestShop.SKU)).isZero();
    }

    @Test
    void refuses_negative_garbage_and_foreign_counts_with_400_and_changes_nothing() {
        for (Object bad : new Object[]{-5, 0, "\"ten\"", 1.5, "null", 99_999_999}) {
            var answer = shop.postRaw(callbackUrl, "application/json", completion(bad));
            assertThat(answer.status()).as("count %s", bad).isEqualTo(400);
            assertThat(answer.json().get("message").asString()).contains("MessageAttributeProductCnt");
        }
        var otherProduct = completion(10).replace("CP-502101", "CP-502102");
        assertThat(shop.postRaw(callbackUrl, "application/json", otherProduct).status()).isEqualTo(409);
        assertThat(shop.postRaw(callbackUrl, "application/json", "{not json").status()).isEqualTo(400);
        assertThat(shop.stockOf(TestShop.SKU)).isZero();
        assertThat(shop.get("/api/replenishments/" + replenishmentId).json().get("status").asString())
                .isEqualTo("ORDERED");
    }

    @Test
    void the_factory_simulator_delivers_by_itself_when_it_calls_back() {
        shop.factory().faults(Faults.DEFAULT.withDelay(Duration.ofMillis(100)));
        try {
            // The replenishment above was dropped; a fresh stock-out after it is delivered proves the happy path.
            shop.postRaw(callbackUrl, "application/json", completion(10));
            shop.setStock(TestShop.SKU, 0);
            var second = shop.buy(TestShop.SKU, 1).json().get("replenishment").get("id").asString();
            await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(
                    shop.get("/api/replenishments/" + second).json().get("status").asString()));
            assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(10);
        } finally {
            shop.factory().faults(Faults.DEFAULT.withDropCallbacks(true));
        }
    }
}
