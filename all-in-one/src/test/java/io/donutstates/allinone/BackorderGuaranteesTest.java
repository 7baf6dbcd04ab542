package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.factory.simulator.OrderSnapshot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import tools.jackson.databind.JsonNode;

/**
 * Backorders end to end, over real HTTP with the real MariaDB, queue and factory simulator: a crowd
 * that will wait is sold to or lined up, the factory is asked for what the line needs, and the
 * deliveries (each callback sent twice) serve the line exactly once, in order. The simulator drops
 * its callbacks, so the test delivers by hand to the URL the factory was given.
 */
class BackorderGuaranteesTest {

    private static final String SKU = "CP-502104";
    private static final String ADMIN = "Bearer test-admin-token";
    private static final Duration SHORT = Duration.ofSeconds(15);

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_FACTORY_DROP_CALLBACKS", "true",
            "DONUT_SALES_MODE", "combined");

    private static TestShop.Answer buyWaiting(String sku, int quantity, String notifyUrl) {
        return shop.post("/api/sales", "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"backorder\":true"
                + (notifyUrl == null ? "" : ",\"notifyUrl\":\"" + notifyUrl + "\"") + "}");
    }

    private static String completion(String sku, int count, String factoryId) {
        return "{\"MessageGroupId\":\"stock-arrival-group\",\"MessageAttributeProductId\":\"" + sku + "\","
                + "\"MessageAttributeProductCnt\":" + count + ",\"MessageAttributeFactoryId\":\"" + factoryId + "\","
                + "\"MessageAttributeRequester\":\"Donut-States\"}";
    }

    /** The open replenishment of the product, delivered in full by two identical callbacks; its quantity. */
    private static int deliverTheOpenReplenishmentTwice(String sku) {
        return deliverTheOpenOneTwice(sku).get("quantity").asInt();
    }

    /** The open replenishment of the product, delivered in full by two identical callbacks, as it was open. */
    private static JsonNode deliverTheOpenOneTwice(String sku) {
        JsonNode open = await("an open replenishment").atMost(Duration.ofSeconds(15)).until(
                () -> openReplenishment(sku), r -> r != null);
        String id = open.get("id").asString();
        OrderSnapshot order = await("the factory's order").atMost(Duration.ofSeconds(15)).until(
                () -> shop.factory().orders().stream().filter(o -> o.callbackUrl().contains(id)).findFirst()
                        .orElse(null), o -> o != null);
        int quantity = open.get("quantity").asInt();
        String completion = completion(sku, quantity, open.get("factoryId").asString());
        var first = shop.postRaw(URI.create(order.callbackUrl()), "application/json", completion);
        var again = shop.postRaw(URI.create(order.callbackUrl()), "application/json", completion);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isIn(200, 409);
        return open;
    }

    private static JsonNode openReplenishment(String sku) {
        for (JsonNode r : shop.replenishments(sku)) {
            String status = r.get("status").asString();
            if (status.equals("REQUESTED") || status.equals("ORDERED")) {
                return r;
            }
        }
        return null;
    }

    @Test
    void a_thousand_waiting_buyers_for_a_hundred_donuts_are_all_served_once_in_order() {
        shop.setStock(SKU, 100);

        List<TestShop.Answer> answers = Crowd.run(100, 1_000, n -> buyWaiting(SKU, 1, null));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 202));
        var backordered = answers.stream().filter(a -> a.status() == 202).map(TestShop.Answer::json).toList();
        assertThat(answers.stream().filter(a -> a.status() == 201).count()).isEqualTo(100);
        assertThat(backordered).hasSize(900).allSatisfy(b -> {
            assertThat(b.get("status").asString()).isEqualTo("BACKORDERED");
            assertThat(b.get("backorder").get("status").asString()).isEqualTo("WAITING");
            assertThat(b.get("backorder").get("secret").asString()).isNotBlank();
            assertThat(b.get("replenishment").get("id").asString()).isNotBlank();
        });
        Set<Long> positions = new HashSet<>();
        backordered.forEach(b -> positions.add(b.get("backorder").get("position").asLong()));
        assertThat(positions).as("distinct places in line").hasSize(900);
        assertThat(shop.stockOf(SKU)).isZero();

        int delivered = 0;
        for (int round = 0; round < 6 && waitingOf(SKU) > 0; round++) {
            delivered += deliverTheOpenReplenishmentTwice(SKU);
        }

        int ordered = 0;
        for (JsonNode r : shop.replenishments(SKU)) {
            ordered += r.get("quantity").asInt();
        }
        assertThat(ordered).as("the factory was asked for the line").isGreaterThanOrEqualTo(900);
        List<JsonNode> served = new ArrayList<>();
        for (JsonNode b : backordered) {
            served.add(shop.get("/api/backorders/" + b.get("backorder").get("id").asString()).json());
        }
        assertThat(served).allSatisfy(b -> {
            assertThat(b.get("status").asString()).isEqualTo("FULFILLED");
            assertThat(b.get("saleId").asLong()).isPositive();
        });
        served.sort(Comparator.comparingLong(b -> b.get("position").asLong()));
        assertThat(served.stream().map(b -> b.get("saleId").asLong()).toList())
                .as("served in arrival order, each once").isSorted().doesNotHaveDuplicates();
        assertThat(shop.stockOf(SKU)).isEqualTo(delivered - 900);
        assertThat(shop.invariants().get("holds").asBoolean()).isTrue();
    }

    private static int waitingOf(String sku) {
        for (JsonNode w : shop.get("/api/admin/backorders/waiting", "Authorization", ADMIN).json()) {
            if (w.get("sku").asString().equals(sku)) {
                return w.get("waitingBackorders").asInt();
            }
        }
        return 0;
    }

    @Test
    void the_buyer_cancels_with_the_secret_and_hears_of_the_fulfilment_once() throws Exception {
        shop.setStock("CP-502103", 0);
        try (var buyer = new WebhookReceiver()) {
            var cancelled = buyWaiting("CP-502103", 1, null).json().get("backorder");
            var told = buyWaiting("CP-502103", 1, buyer.url()).json().get("backorder");
            String id = cancelled.get("id").asString();

            assertThat(shop.delete("/api/backorders/" + id, "Backorder-Secret", "wrong").status()).isEqualTo(404);
            var cancel = shop.delete("/api/backorders/" + id, "Backorder-Secret", cancelled.get("secret").asString());
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            assertThat(shop.get("/api/backorders/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(shop.get("/api/admin/products/CP-502103/backorders", "Authorization", ADMIN).json())
                    .hasSizeGreaterThanOrEqualTo(2);

            deliverTheOpenReplenishmentTwice("CP-502103");

            await("the buyer's notice").atMost(Duration.ofSeconds(15)).until(() -> buyer.bodies().size() == 1);
            await("no second notice").during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                    .until(() -> buyer.bodies().size() == 1);
            assertThat(buyer.bodies()).singleElement().satisfies(body -> assertThat(body)
                    .contains("\"backorder.fulfilled\"", told.get("id").asString()));
            assertThat(shop.get("/api/backorders/" + told.get("id").asString()).json().get("status").asString())
                    .isEqualTo("FULFILLED");
        }
    }

    @Test
    void a_notice_its_buyer_does_not_take_waits_in_sight_of_ops() {
        shop.setStock("CP-502102", 0);
        try (var refusing = new WebhookReceiver(503)) {
            var waiting = buyWaiting("CP-502102", 1, refusing.url());
            assertThat(waiting.status()).as(waiting.body()).isEqualTo(202);

            deliverTheOpenReplenishmentTwice("CP-502102");

            await("the endpoint was tried").atMost(Duration.ofSeconds(15)).until(() -> !refusing.bodies().isEmpty());
            await("the notice in health and metrics").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var health = shop.get("/actuator/health", "Authorization", ADMIN).json();
                var notices = health.path("components").path("notices");
                assertThat(notices.path("status").asString("")).as("not stuck yet: 15 minutes").isEqualTo("UP");
                assertThat(notices.path("details").path("pending").asString("")).isEqualTo("1");
                assertThat(notices.path("details").path("lastError").asString("")).contains("answered 503");
                assertThat(shop.get("/actuator/prometheus", "Authorization", ADMIN).body())
                        .containsPattern("(?m)^donut_backorder_notices_pending(\\{[^}]*\\})? 1\\.0$");
            });
            assertThat(shop.get("/api/backorders/" + waiting.json().get("backorder").get("id").asString()).json()
                    .get("status").asString()).as("fulfilment never waits for the notice").isEqualTo("FULFILLED");
        }
    }

    @Test
    void the_catalog_and_the_dashboard_show_who_waits_and_each_delivery_whom_it_served() {
        String sku = "CP-502101";
        String row = "li.product[data-sku='" + sku + "']";
        shop.setStock(sku, 0);
        assertThat(shop.get("/api/products/" + sku).json().get("backorders").get("waiting").asInt()).isZero();

        assertThat(buyWaiting(sku, 2, null).status()).isEqualTo(202);
        assertThat(buyWaiting(sku, 1, null).status()).isEqualTo(202);

        var waiting = shop.get("/api/products/" + sku).json().get("backorders");
        assertThat(waiting.get("waiting").asInt()).isEqualTo(2);
        assertThat(waiting.get("waitingDonuts").asInt()).isEqualTo(3);
        assertThat(Instant.parse(waiting.get("oldestSince").asString())).isBefore(Instant.now().plusSeconds(5));
        JsonNode inCatalog = null;
        for (JsonNode p : shop.get("/api/products").json()) {
            if (p.get("sku").asString().equals(sku)) {
                inCatalog = p.get("backorders");
            }
        }
        assertThat(inCatalog).as("the catalog says the same").isEqualTo(waiting);

        try (var browser = DashboardBrowser.open()) {
            browser.laptop();
            browser.get(shop.shop().apiUrl() + "/");
            browser.waitUntil(SHORT, d -> textOf(browser, row + "[data-waiting='2'] .badge.waiting")
                    .startsWith("2 waiting · oldest "));

            var delivery = deliverTheOpenOneTwice(sku);
            String id = delivery.get("id").asString();

            var delivered = shop.get("/api/replenishments/" + id).json();
            assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivered.get("fulfilledBackorders").asInt()).isEqualTo(2);
            assertThat(delivered.get("fulfilledDonuts").asInt()).isEqualTo(3);
            JsonNode listed = null;
            for (JsonNode r : shop.replenishments(sku)) {
                if (r.get("id").asString().equals(id)) {
                    listed = r;
                }
            }
            assertThat(listed).isNotNull();
            assertThat(listed.get("fulfilledBackorders").asInt()).isEqualTo(2);
            assertThat(listed.get("fulfilledDonuts").asInt()).isEqualTo(3);
            var after = shop.get("/api/products/" + sku).json();
            assertThat(after.get("backorders").get("waiting").asInt()).isZero();
            assertThat(after.get("backorders").has("oldestSince")).as("none waits").isFalse();
            assertThat(after.get("stock").asInt()).isEqualTo(delivery.get("quantity").asInt() - 3);

            browser.waitUntil(SHORT, d -> textOf(browser, "#history tr[data-id='" + id + "'] td[data-label='served']")
                    .equals("2 backorders (3 donuts)"));
            browser.visible(row + "[data-waiting='0']", SHORT);
            assertThat(browser.driver().findElements(By.cssSelector(row + " .badge.waiting"))).isEmpty();
            browser.assertNoHorizontalOverflow();
            browser.assertNoConsoleErrors();
        }
    }

    /** The text of the element now on the page (the dashboard redraws its rows at every poll); "" when none. */
    private static String textOf(DashboardBrowser browser, String css) {
        try {
            var found = browser.driver().findElements(By.cssSelector(css));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    @Test
    void without_the_flag_a_refused_buyer_is_answered_as_before() {
        shop.setStock("CP-502102", 0);

        var answer = shop.buy("CP-502102", 1);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("status").asString()).isEqualTo("OUT_OF_STOCK");
    }
}
