package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the strict reading of requests still lets through, and how: JSON in any of its media types,
 * a SKU in any letter case or with spaces around it as the one canonical SKU, and a refused body that
 * says why.
 */
class StrictInputTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    private static final String TOKEN = "Bearer test-admin-token";

    @Test
    void a_lower_case_sku_with_spaces_around_it_buys_the_canonical_product() {
        shop.setStock(TestShop.SKU, 5);

        var sold = shop.post("/api/sales", "{\"sku\":\" cp-502101 \",\"quantity\":2}");

        assertThat(sold.status()).isEqualTo(201);
        assertThat(sold.json().get("sku").asString()).isEqualTo(TestShop.SKU);
        assertThat(sold.json().get("remainingStock").asInt()).isEqualTo(3);
        var ledger = shop.get("/api/products/cp-502101/ledger?limit=1");
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.json().get(0).get("sku").asString()).isEqualTo(TestShop.SKU);
        assertThat(ledger.json().get(0).get("balanceAfter").asInt()).isEqualTo(3);
    }

    @Test
    void every_endpoint_that_names_a_product_reads_its_sku_in_any_letter_case() {
        var policy = shop.put("/api/admin/products/cp-502102/policy", "{\"reorderQuantity\":12,\"reorderPoint\":0}",
                "Authorization", TOKEN);
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.json().get("sku").asString()).isEqualTo("CP-502102");
        assertThat(policy.json().get("reorderQuantity").asInt()).isEqualTo(12);

        assertThat(shop.put("/api/admin/products/cp-502102/stock", "{\"stock\":4}", "Authorization", TOKEN).status())
                .isEqualTo(200);
        assertThat(shop.stockOf("CP-502102")).isEqualTo(4);

        var product = shop.get("/api/products/Cp-502102");
        assertThat(product.status()).isEqualTo(200);
        assertThat(product.json().get("sku").asString()).isEqualTo("CP-502102");

        var backorderPolicy = shop.put("/api/admin/products/%20cp-502102%20/backorder-policy",
                "{\"expireAfterMinutes\":90,\"maxOrderQuantity\":40}", "Authorization", TOKEN);
        assertThat(backorderPolicy.status()).as(backorderPolicy.body()).isEqualTo(200);
        assertThat(backorderPolicy.json().get("sku").asString()).isEqualTo("CP-502102");
        var backorders = shop.get("/api/admin/products/cP-502102/backorders", "Authorization", TOKEN);
        assertThat(backorders.status()).isEqualTo(200);
        assertThat(backorders.body()).isEqualTo(
                shop.get("/api/admin/products/CP-502102/backorders", "Authorization", TOKEN).body());

        var legacy = shop.post("/send", "{\"MessageAttributeProductId\":\"cp-502102\"}");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.json().get("message").asString()).isEqualTo("판매완료");
        assertThat(shop.stockOf("CP-502102")).isEqualTo(3);
    }

    @Test
    void a_purchase_sent_as_json_with_a_charset_or_a_json_suffix_type_is_sold() {
        assertThat(shop.put("/api/admin/products/CP-502103/policy", "{\"reorderQuantity\":15,\"reorderPoint\":0}",
                "Authorization", TOKEN).status()).isEqualTo(200);
        shop.setStock("CP-502103", 10);
        for (String type : new String[] {"application/json; charset=utf-8", "Application/JSON",
                "application/vnd.donut-states+json", "application/merge-patch+json; charset=UTF-8"}) {
            var sale = shop.postRaw(shop.uri("/api/sales"), type, "{\"sku\":\"CP-502103\",\"quantity\":1}");
            assertThat(sale.status()).as(type).isEqualTo(201);
            var legacy = shop.postRaw(shop.uri("/send"), type, "{\"MessageAttributeProductId\":\"CP-502103\"}");
            assertThat(legacy.status()).as(type).isEqualTo(200);
        }
        assertThat(shop.stockOf("CP-502103")).isEqualTo(2);
    }

    @Test
    void a_quantity_sent_as_text_is_refused_with_a_message_that_says_how_to_send_it() {
        shop.setStock("CP-502104", 5);

        var answer = shop.post("/api/sales", "{\"sku\":\"CP-502104\",\"quantity\":\"1\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asString()).isEqualTo("quantity must be a JSON integer such as 1, without quotes");
        assertThat(shop.stockOf("CP-502104")).isEqualTo(5);
    }

    @Test
    void a_body_that_names_a_field_twice_is_refused_with_the_field_named() {
        shop.setStock("CP-502104", 5);

        var answer = shop.post("/api/sales", "{\"sku\":\"CP-502104\",\"quantity\":1,\"quantity\":500}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asString()).isEqualTo("request body names the field 'quantity' more than once");
        assertThat(shop.stockOf("CP-502104")).isEqualTo(5);
    }

    @Test
    void a_cross_site_text_plain_purchase_is_refused_415_with_the_json_error_body() {
        shop.setStock("CP-502104", 5);

        var sale = shop.postRaw(shop.uri("/api/sales"), "text/plain", "{\"sku\":\"CP-502104\",\"quantity\":1}");
        var legacy = shop.postRaw(shop.uri("/send"), "text/plain", "{\"MessageAttributeProductId\":\"CP-502104\"}");

        for (var answer : new TestShop.Answer[] {sale, legacy}) {
            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.json().get("status").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            assertThat(answer.json().get("message").asString()).contains("application/json");
        }
        ProblemDetails.assertProblem("POST /api/sales as text/plain", sale, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(legacy.contentType()).as("the legacy /send keeps plain JSON").isEqualTo("application/json");
        assertThat(legacy.body()).isEqualTo("{\"status\":\"UNSUPPORTED_MEDIA_TYPE\",\"message\":"
                + "\"send the body as application/json (or application/*+json), with an optional charset\"}");
        assertThat(shop.stockOf("CP-502104")).isEqualTo(5);
    }
}
