package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole flow over real HTTP: sell out, refuse, order from the factory, restock, sell again. */
class SellOutAndRestockTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    @Test
    void sells_out_orders_once_from_the_factory_and_sells_again_after_delivery() {
        assertThat(shop.setStock(TestShop.SKU, 3).status()).isEqualTo(200);

        for (int left = 2; left >= 0; left--) {
            var sold = shop.buy(TestShop.SKU, 1);
            assertThat(sold.status()).isEqualTo(201);
            assertThat(sold.json().get("status").asString()).isEqualTo("SOLD");
            assertThat(sold.json().get("remainingStock").asInt()).isEqualTo(left);
        }
        var refused = shop.buy(TestShop.SKU, 1);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("status").asString()).isEqualTo("OUT_OF_STOCK");
        String replenishmentId = refused.json().get("replenishment").get("id").asString();
        assertThat(shop.buy(TestShop.SKU, 1).json().get("replenishment").get("id").asString())
                .as("a second refusal names the same replenishment").isEqualTo(replenishmentId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var latest = shop.replenishments(TestShop.SKU).get(0);
            assertThat(latest.get("id").asString()).isEqualTo(replenishmentId);
            assertThat(latest.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(latest.get("deliveredQuantity").asInt()).isEqualTo(10);
        });
        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(10);
        assertThat(shop.factory().stats().ordersAccepted()).isEqualTo(1);

        var again = shop.buy(TestShop.SKU, 2);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("remainingStock").asInt()).isEqualTo(8);
    }

    @Test
    void the_ledger_explains_the_stock() {
        var product = shop.get("/api/products/" + TestShop.SKU).json();
        var ledger = shop.get("/api/products/" + TestShop.SKU + "/ledger?limit=1000").json();
        int sum = 0;
        for (var line : ledger) {
            sum += line.get("change").asInt();
        }
        assertThat(sum).isEqualTo(product.get("stock").asInt());
        assertThat(ledger.get(0).get("balanceAfter").asInt()).as("the newest line names the stock it left")
                .isEqualTo(product.get("stock").asInt());
    }

    @Test
    void unknown_products_are_answered_404() {
        assertThat(shop.buy("NO-SUCH-DONUT", 1).status()).isEqualTo(404);
        assertThat(shop.get("/api/products/NO-SUCH-DONUT").status()).isEqualTo(404);
    }
}
