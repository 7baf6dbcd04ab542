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

    /** RFC 9457: type, title, status and detail, plus message as before, whatever the client accepts. */
    @Test
    void errors_are_problem_details_with_a_type_per_error_word() {
        var unknown = ProblemDetails.assertProblem("unknown product", shop.get("/api/products/CP-999999"),
                404, "UNKNOWN_PRODUCT");
        assertThat(unknown.get("type").asString()).isEqualTo("https://donut-states.io/problems/unknown-product");
        assertThat(unknown.get("title").asString()).isEqualTo("Unknown product");
        assertThat(unknown.get("detail").asString()).isEqualTo("no product with sku CP-999999");
        assertThat(unknown.get("message").asString()).isEqualTo("no product with sku CP-999999");

        ProblemDetails.assertProblem("sale of an unknown product", shop.buy("CP-999999", 1), 404, "UNKNOWN_PRODUCT");
        ProblemDetails.assertProblem("quantity as text", shop.post("/api/sales",
                "{\"sku\":\"CP-502101\",\"quantity\":\"1\"}"), 400, "BAD_REQUEST");
        ProblemDetails.assertProblem("not JSON", shop.postRaw(shop.uri("/api/sales"), "text/plain", "{}"),
                415, "UNSUPPORTED_MEDIA_TYPE");
        ProblemDetails.assertProblem("no admin token", shop.put("/api/admin/products/CP-502101/stock", "{\"stock\":5}"),
                401, "UNAUTHORIZED");
        ProblemDetails.assertProblem("unknown replenishment",
                shop.get("/api/replenishments/00000000-0000-4000-8000-000000000000"), 404, "UNKNOWN_REPLENISHMENT");
        ProblemDetails.assertProblem("a bad limit", shop.get("/api/replenishments?limit=0"), 400, "BAD_REQUEST");
        ProblemDetails.assertProblem("no such path", shop.get("/api/nope"), 404, "NOT_FOUND");
        ProblemDetails.assertProblem("DELETE on the catalog", shop.delete("/api/products"), 405, "METHOD_NOT_ALLOWED");
        ProblemDetails.assertProblem("GET on the purchase path", shop.get("/api/sales"), 405, "METHOD_NOT_ALLOWED");
        shop.post("/api/sales", "{\"sku\":\"CP-502104\",\"quantity\":1}", "Idempotency-Key", "problem-key-1");
        ProblemDetails.assertProblem("an idempotency key reused", shop.post("/api/sales",
                "{\"sku\":\"CP-502104\",\"quantity\":2}", "Idempotency-Key", "problem-key-1"), 422, "IDEMPOTENCY_KEY_REUSED");
    }

    /** problem+json is JSON: a client that accepts only application/json (or only HTML) still gets the body. */
    @Test
    void a_client_accepting_only_json_or_html_still_gets_the_problem() {
        for (String accept : new String[] {"application/json", "text/html", "application/problem+json", "*/*"}) {
            ProblemDetails.assertProblem("Accept: " + accept, shop.get("/api/products/CP-999999", "Accept", accept),
                    404, "UNKNOWN_PRODUCT");
            ProblemDetails.assertProblem("Accept: " + accept, shop.get("/api/replenishments?limit=abc", "Accept", accept),
                    400, "BAD_REQUEST");
            ProblemDetails.assertProblem("Accept: " + accept, shop.get("/api/no-such-path", "Accept", accept),
                    404, "NOT_FOUND");
        }
        var sale = shop.post("/api/sales", "{\"sku\":\"CP-999999\",\"quantity\":1}",
                "Accept", "application/json");
        ProblemDetails.assertProblem("a sale, Accept: application/json", sale, 404, "UNKNOWN_PRODUCT");
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
