package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The course's clients keep working: {@code POST /send} with the legacy body and answers. */
class LegacySendTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    private static final String COURSE_BODY = """
            {"MessageGroupId":"stock-empty-group","subject":"부산도너츠 재고 부족","message":"재고 부족",
             "MessageAttributeProductId":"CP-502101","MessageAttributeFactoryId":"FF-500293"}
            """;

    @Test
    void answers_sold_then_out_of_stock_with_the_legacy_messages() {
        shop.setStock(TestShop.SKU, 1);

        var sold = shop.post("/send", COURSE_BODY);
        assertThat(sold.status()).isEqualTo(200);
        assertThat(sold.json().get("message").asString()).isEqualTo("판매완료");

        var outOfStock = shop.post("/send", COURSE_BODY);
        assertThat(outOfStock.status()).isEqualTo(200);
        assertThat(outOfStock.json().get("message").asString()).isEqualTo("재고부족, 제품 생산 요청!");
        assertThat(shop.stockOf(TestShop.SKU)).isZero();
        assertThat(shop.replenishments(TestShop.SKU).size()).isEqualTo(1);
    }

    @Test
    void a_body_without_a_product_is_refused_with_a_message() {
        var answer = shop.post("/send", "{\"MessageGroupId\":\"stock-empty-group\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asString()).contains("MessageAttributeProductId");
    }

    /** The other endpoints' errors are problem details; the legacy clients' ones stay byte for byte as they were. */
    @Test
    void its_answers_keep_their_bytes_and_plain_json() {
        var sold = shop.post("/send", COURSE_BODY.replace("CP-502101", "CP-502102"));
        assertThat(sold.status()).isEqualTo(200);
        assertThat(sold.contentType()).isEqualTo("application/json");
        assertThat(sold.body()).isEqualTo("{\"message\":\"판매완료\"}");

        var missing = shop.post("/send", "{\"MessageGroupId\":\"stock-empty-group\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).isEqualTo("application/json");
        assertThat(missing.body()).isEqualTo("{\"status\":\"BAD_REQUEST\",\"message\":\"MessageAttributeProductId is required\"}");

        var unknown = shop.post("/send", COURSE_BODY.replace("CP-502101", "CP-999999"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/json");
        assertThat(unknown.body()).isEqualTo("{\"message\":\"no product with sku CP-999999\"}");

        var wrongMethod = shop.get("/send", "Accept", "application/json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).isEqualTo("application/json");
        assertThat(wrongMethod.body()).isEqualTo("{\"status\":\"METHOD_NOT_ALLOWED\",\"message\":"
                + "\"Request method 'GET' is not supported\"}");
    }
}
