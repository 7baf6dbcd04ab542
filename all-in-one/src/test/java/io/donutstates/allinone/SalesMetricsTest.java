package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Purchases are timed by the shop's own {@code donut.sales.time}, not by the per-request HTTP
 * server observation, which every other endpoint keeps.
 */
class SalesMetricsTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    @Test
    void purchases_are_timed_by_the_shop_and_other_endpoints_by_http_observations() {
        shop.setStock(TestShop.SKU, 2);
        assertThat(shop.buy(TestShop.SKU, 1).status()).isEqualTo(201);
        assertThat(shop.post("/send", "{\"MessageAttributeProductId\":\"" + TestShop.SKU + "\"}").status())
                .isEqualTo(200);
        assertThat(shop.buy(TestShop.SKU, 1).status()).as("out of stock by now").isEqualTo(409);
        assertThat(shop.get("/api/products").status()).isEqualTo(200);

        String metrics = shop.metrics();
        assertThat(count(metrics, "donut_sales_time_seconds_count")).as("all three purchases timed").isEqualTo(3);
        assertThat(metrics).as("purchases carry no HTTP server observation")
                .doesNotContain("uri=\"/api/sales\"").doesNotContain("uri=\"/send\"");
        assertThat(metrics).as("other endpoints keep theirs")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/products\"[^}]*\\} [1-9]");
    }

    private static double count(String metrics, String name) {
        var matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+]+)$").matcher(metrics);
        assertThat(matcher.find()).as(name + " is exported").isTrue();
        return Double.parseDouble(matcher.group(2));
    }
}
