package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input is answered 4xx with a message, never a stack trace, and changes nothing. */
class BadRequestsTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    @Test
    void admin_actions_need_the_token() {
        var noToken = shop.put("/api/admin/products/CP-502101/stock", "{\"stock\":5}");
        assertThat(noToken.status()).isEqualTo(401);
        var wrongToken = shop.put("/api/admin/products/CP-502101/stock", "{\"stock\":5}",
                "Authorization", "Bearer nope");
        assertThat(wrongToken.status()).isEqualTo(401);
    }

    @Test
    void invalid_sale_bodies_are_answered_400_with_a_message() {
        int before = shop.stockOf(TestShop.SKU);
        String[] bodies = {
            "{}", "{\"sku\":\"CP-502101\"}", "{\"quantity\":1}", "{\"sku\":\"CP-502101\",\"quantity\":0}",
            "{\"sku\":\"CP-502101\",\"quantity\":-1}", "{\"sku\":\"CP-502101\",\"quantity\":\"many\"}",
            "{\"sku\":\"CP-502101\",\"quantity\":1.5}", "{\"sku\":42,\"quantity\":1}", "[1,2]", "{broken",
            "{\"sku\":\"CP-502101' OR '1'='1\",\"quantity\":1}", "{\"sku\":\"CP-502101\",\"quantity\":100000000000}"
        };
        for (String body : bodies) {
            var answer = shop.post("/api/sales", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().get("message").asString()).as(body).isNotBlank();
            assertThat(answer.body()).as(body).doesNotContain("Exception").doesNotContain("at io.");
        }
        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(before);
        assertThat(shop.replenishments(TestShop.SKU).size()).isZero();
    }

    @Test
    void the_purchase_paths_say_which_methods_they_take() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String path : new String[] {"/api/sales", "/send"}) {
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(shop.uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).as("GET %s", path).isEqualTo(405);
            assertThat(get.headers().firstValue("Allow")).as("GET %s", path).hasValue("POST, OPTIONS");
            assertThat(get.body()).as("GET %s", path).contains("METHOD_NOT_ALLOWED").contains("'GET'");

            HttpResponse<String> options = http.send(HttpRequest.newBuilder(shop.uri(path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(options.statusCode()).as("OPTIONS %s", path).isEqualTo(200);
            assertThat(options.headers().firstValue("Allow")).as("OPTIONS %s", path).hasValue("POST, OPTIONS");
        }
    }
}
