package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.donutstates.http.SecurityHeaders;
import io.donutstates.messaging.StockEventJson;
import io.donutstates.replenishment.ReplenishmentStatus;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesApiHandlerTest {

    private ShopUnderTest shop;
    private SalesApiHandler handler;

    @BeforeAll
    void start() {
        shop = ShopUnderTest.start();
        handler = new SalesApiHandler(shop.shop);
    }

    @AfterAll
    void stop() {
        shop.close();
    }

    /**
     * Every answer with the API's headers; an error as problem details ({@code application/problem+json},
     * with {@code type}, {@code title}, {@code detail} and the word and message of before), except on the
     * legacy {@code /send}, and except the out-of-stock answer, a result clients read as JSON.
     */
    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return call(handler, event);
    }

    private static APIGatewayV2HTTPResponse call(SalesApiHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new FakeContext("SalesApiFunction"));
        JsonNode body = Events.JSON.readTree(response.getBody());
        boolean outOfStock = response.getStatusCode() == 409 && "OUT_OF_STOCK".equals(body.path("status").asString(""));
        boolean problem = response.getStatusCode() >= 400 && !outOfStock && !"/send".equals(event.getRawPath());
        assertThat(response.getHeaders()).containsEntry("Content-Type", problem ? "application/problem+json" : "application/json");
        if (problem) {
            assertProblem(response, response.getStatusCode(), body.get("status").asString());
        } else if (response.getStatusCode() >= 400 && !outOfStock) {
            assertThat(body.has("type")).as("a legacy /send error keeps its shape: %s", body).isFalse();
        }
        assertThat(response.getHeaders())
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Content-Security-Policy", SecurityHeaders.API_POLICY);
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        return response;
    }

    private APIGatewayV2HTTPResponse call(String fixture, Consumer<ObjectNode> change) {
        return call(Events.http(fixture, change));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Events.JSON.readTree(response.getBody());
    }

    private static Consumer<ObjectNode> body(String json) {
        return event -> event.put("body", json);
    }

    @Test
    void aSaleTakesStockAndARetryUnderTheSameKeyGetsTheFirstAnswer() {
        APIGatewayV2HTTPResponse first = call(Events.http("http-post-sales.json"));

        assertThat(first.getStatusCode()).isEqualTo(201);
        JsonNode sold = json(first);
        assertThat(sold.get("status").asString()).isEqualTo("SOLD");
        assertThat(sold.get("sku").asString()).isEqualTo("CP-502102");
        assertThat(sold.get("quantity").asInt()).isEqualTo(2);
        assertThat(sold.get("remainingStock").asInt()).isEqualTo(18);
        assertThat(shop.stockOf("CP-502102")).isEqualTo(18);

        APIGatewayV2HTTPResponse retry = call(Events.http("http-post-sales.json"));
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(json(retry).get("id").asLong()).isEqualTo(sold.get("id").asLong());
        assertThat(shop.stockOf("CP-502102")).isEqualTo(18);
    }

    @Test
    void aBase64EncodedBodyIsRead() {
        int before = shop.stockOf("CP-502103");
        APIGatewayV2HTTPResponse response = call(Events.http("http-post-sales-base64.json"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(json(response).get("sku").asString()).isEqualTo("CP-502103");
        assertThat(shop.stockOf("CP-502103")).isEqualTo(before - 1);
    }

    @Test
    void sellingOutAnswers409AndStartsOneReplenishmentWhoseEventIsOnStockQueueAtOnce() {
        APIGatewayV2HTTPResponse last = call("http-post-sales.json", event -> {
            event.remove("headers");
            event.putObject("headers").put("content-type", "application/json");
            event.put("body", "{\"sku\":\"CP-502101\",\"quantity\":3}");
        });
        assertThat(last.getStatusCode()).isEqualTo(201);
        assertThat(json(last).get("remainingStock").asInt()).isZero();

        APIGatewayV2HTTPResponse refused = call("http-post-sales.json", event -> {
            ((ObjectNode) event.get("headers")).remove("idempotency-key");
            event.put("body", "{\"sku\":\"CP-502101\",\"quantity\":1}");
        });

        assertThat(refused.getStatusCode()).isEqualTo(409);
        JsonNode out = json(refused);
        assertThat(out.get("status").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(out.get("available").asInt()).isZero();
        assertThat(out.get("replenishment").get("status").asString()).isEqualTo("REQUESTED");
        assertThat(out.get("replenishment").get("quantity").asInt()).isEqualTo(10);
        String replenishmentId = out.get("replenishment").get("id").asString();

        APIGatewayV2HTTPResponse listed = call(Events.http("http-get-replenishments.json"));
        assertThat(listed.getStatusCode()).isEqualTo(200);
        JsonNode replenishments = json(listed);
        assertThat(replenishments.size()).isEqualTo(1);
        assertThat(replenishments.get(0).get("id").asString()).isEqualTo(replenishmentId);
        assertThat(replenishments.get(0).get("status").asString()).isEqualTo(ReplenishmentStatus.REQUESTED.name());
        assertThat(replenishments.get(0).has("orderedAt")).as("nulls are left out, as by the service").isFalse();
        assertThat(java.time.Instant.parse(replenishments.get(0).get("requestedAt").asString()))
                .as("instants as ISO-8601 text, as by the service").isNotNull();

        // The out-of-stock answer relayed the outbox at once: the event is already on stock_queue.
        assertThat(shop.shop.outbox().pendingCount()).isZero();
        var queued = shop.receive(shop.queues.stockQueueUrl(), 1, 1).stream()
                .map(m -> StockEventJson.decode(m.body()))
                .filter(e -> e.sku().value().equals("CP-502101"))
                .toList();
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).replenishmentId().toString()).isEqualTo(replenishmentId);
    }

    @Test
    void theLegacySendAnswersSoldThenOutOfStockWithTheCourseMessages() {
        shop.jdbc().sql("UPDATE product_slot SET stock = 1 WHERE sku = 'CP-502104' AND slot = 0").update();
        Consumer<ObjectNode> cp502104 = event -> event.put("body",
                event.get("body").asString().replace("CP-502101", "CP-502104"));

        APIGatewayV2HTTPResponse sold = call("http-post-send.json", cp502104);
        APIGatewayV2HTTPResponse short_ = call("http-post-send.json", cp502104);

        assertThat(sold.getStatusCode()).isEqualTo(200);
        assertThat(json(sold).get("message").asString()).isEqualTo("판매완료");
        assertThat(short_.getStatusCode()).isEqualTo(200);
        assertThat(json(short_).get("message").asString()).isEqualTo("재고부족, 제품 생산 요청!");
        assertThat(shop.stockOf("CP-502104")).isZero();
        assertThat(shop.replenishmentsOf("CP-502104")).hasSize(1);
    }

    @Test
    void badInputIsA400WithAMessage() {
        assertBadRequest(call("http-post-sales.json", body("{not json")), "request body is not valid JSON");
        assertBadRequest(call("http-post-sales.json", body("{\"quantity\":1}")), "sku is required");
        assertBadRequest(call("http-post-sales.json", body("{\"sku\":\"CP-502102\",\"quantity\":0}")),
                "quantity must be between 1 and");
        assertBadRequest(call("http-post-sales.json", body("[1,2]")), "request body must be a JSON object");
        assertBadRequest(call("http-post-sales.json", body("")), "request body must be a JSON object");
        assertBadRequest(call("http-post-sales-base64.json", body("%%%not-base64")), "not valid base64");
        assertBadRequest(call("http-post-send.json", body("{\"MessageAttributeProductId\":\"no such sku!\"}")),
                "sku must be 1-64 letters");
        assertBadRequest(call("http-get-product.json", event -> Events.route(event, "GET", "/api/products/%3Cscript%3E")),
                "sku must be 1-64 letters");
        assertBadRequest(call("http-get-replenishments.json", event -> Events.query(event, "limit", "lots")),
                "limit must be a whole number");

        APIGatewayV2HTTPResponse plainText = call("http-post-sales.json",
                event -> ((ObjectNode) event.get("headers")).put("content-type", "text/plain"));
        assertThat(plainText.getStatusCode()).isEqualTo(415);
        assertThat(json(plainText).get("status").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aPurchaseIsReadStrictlyAndRefusedBeforeItSells() {
        int before = shop.stockOf("CP-502104");
        assertBadRequest(call("http-post-sales.json", body("{\"sku\":\"CP-502104\",\"quantity\":\"1\"}")),
                "quantity must be a JSON integer");
        assertBadRequest(call("http-post-sales.json",
                body("{\"sku\":\"CP-502104\",\"quantity\":1,\"quantity\":900}")),
                "names the field 'quantity' more than once");
        assertBadRequest(call("http-post-send.json",
                body("{\"MessageAttributeProductId\":\"CP-502104\",\"MessageAttributeProductId\":\"CP-502101\"}")),
                "names the field 'MessageAttributeProductId' more than once");
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"}) {
            APIGatewayV2HTTPResponse legacy = call("http-post-send.json", event -> {
                ((ObjectNode) event.get("headers")).put("content-type", type);
                event.put("body", "{\"MessageAttributeProductId\":\"CP-502104\"}");
            });
            assertThat(legacy.getStatusCode()).as(type).isEqualTo(415);
            assertThat(json(legacy).get("status").asString()).as(type).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(shop.stockOf("CP-502104")).isEqualTo(before);
    }

    @Test
    void aProductInSlotsSellsFromSeveralSlotsAndShowsTheirSum() {
        shop.jdbc().sql("UPDATE product SET slots = 4 WHERE sku = 'CP-502102'").update();
        shop.jdbc().sql("UPDATE product_slot SET stock = 5 WHERE sku = 'CP-502102' AND slot = 0").update();
        for (int slot = 1; slot < 4; slot++) {
            shop.jdbc().sql("INSERT INTO product_slot (sku, slot, stock) VALUES ('CP-502102', :slot, 5)")
                    .param("slot", slot).update();
        }
        for (int i = 0; i < 12; i++) {
            APIGatewayV2HTTPResponse sold = call("http-post-sales.json", event -> {
                ((ObjectNode) event.get("headers")).remove("idempotency-key");
                event.put("body", "{\"sku\":\"CP-502102\",\"quantity\":1}");
            });
            assertThat(sold.getStatusCode()).isEqualTo(201);
        }

        assertThat(shop.stockOf("CP-502102")).isEqualTo(8);
        assertThat(shop.jdbc().sql("SELECT COUNT(DISTINCT slot) FROM stock_movement WHERE sku = 'CP-502102' AND reason = 'SALE'")
                .query(Integer.class).single()).as("buyers start at different slots").isGreaterThan(1);
        APIGatewayV2HTTPResponse product = call("http-get-product.json",
                event -> Events.route(event, "GET", "/api/products/CP-502102"));
        assertThat(json(product).get("stock").asInt()).isEqualTo(8);
        assertThat(json(product).get("slots").asInt()).isEqualTo(4);
        assertThat(json(product).get("backorders").get("waiting").asInt())
                .as("the waiting backorders, as the service shows them").isZero();
    }

    @Test
    void aLowerCaseSkuBuysTheProductUnderItsCanonicalSku() {
        shop.jdbc().sql("UPDATE product_slot SET stock = 10 WHERE sku = 'CP-502103' AND slot = 0").update();
        APIGatewayV2HTTPResponse sold = call("http-post-sales.json", event -> {
            ((ObjectNode) event.get("headers")).remove("idempotency-key");
            ((ObjectNode) event.get("headers")).put("content-type", "application/vnd.donut+json; charset=utf-8");
            event.put("body", "{\"sku\":\" cp-502103 \",\"quantity\":1}");
        });
        assertThat(sold.getStatusCode()).isEqualTo(201);
        assertThat(json(sold).get("sku").asString()).isEqualTo("CP-502103");
        assertThat(shop.stockOf("CP-502103")).isEqualTo(9);

        APIGatewayV2HTTPResponse product = call("http-get-product.json",
                e -> Events.route(e, "GET", "/api/products/cp-502103"));
        assertThat(product.getStatusCode()).isEqualTo(200);
        assertThat(json(product).get("sku").asString()).isEqualTo("CP-502103");
    }

    /** RFC 9457 problem details, with the word and message of before for the older clients. */
    static void assertProblem(APIGatewayV2HTTPResponse response, int status, String word) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode body = Events.JSON.readTree(response.getBody());
        assertThat(body.get("type").asString())
                .isEqualTo("https://donut-states.io/problems/" + word.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(body.get("title").asString()).as("title of %s", body).isNotBlank();
        assertThat(body.get("status").asString()).isEqualTo(word);
        assertThat(body.get("detail").asString()).isNotBlank().isEqualTo(body.get("message").asString());
    }

    @Test
    void errorsAreProblemDetailsWithATypePerErrorWord() {
        APIGatewayV2HTTPResponse unknown = call("http-get-product.json", e -> Events.route(e, "GET", "/api/products/CP-999999"));
        assertProblem(unknown, 404, "UNKNOWN_PRODUCT");
        assertThat(json(unknown).get("title").asString()).isEqualTo("Unknown product");
        assertThat(json(unknown).get("detail").asString()).isEqualTo("no product with sku CP-999999");

        assertProblem(call("http-post-sales.json", body("{\"sku\":\"CP-502104\",\"quantity\":\"1\"}")), 400, "BAD_REQUEST");
        assertProblem(call("http-post-sales.json",
                event -> ((ObjectNode) event.get("headers")).put("content-type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(call("http-post-sales.json", e -> Events.route(e, "PUT", "/api/sales")), 405, "METHOD_NOT_ALLOWED");
        assertProblem(call(Events.http("http-unknown-route.json")), 404, "NOT_FOUND");
        assertProblem(call("http-get-replenishments.json", e -> Events.route(e, "GET",
                "/api/replenishments/00000000-0000-4000-8000-000000000000")), 404, "UNKNOWN_REPLENISHMENT");
    }

    @Test
    void theLegacySendAnswersItsErrorsAsItAlwaysHas() {
        APIGatewayV2HTTPResponse bad = call("http-post-send.json", body("{\"MessageGroupId\":\"stock-empty-group\"}"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).isEqualTo("{\"status\":\"BAD_REQUEST\",\"message\":\"MessageAttributeProductId is required\"}");

        APIGatewayV2HTTPResponse plain = call("http-post-send.json",
                event -> ((ObjectNode) event.get("headers")).put("content-type", "text/plain"));
        assertThat(plain.getStatusCode()).isEqualTo(415);
        assertThat(plain.getBody()).isEqualTo("{\"status\":\"UNSUPPORTED_MEDIA_TYPE\",\"message\":"
                + "\"send the body as application/json (or application/*+json), with an optional charset\"}");

        APIGatewayV2HTTPResponse wrongMethod = call("http-post-send.json", e -> Events.route(e, "GET", "/send"));
        assertThat(wrongMethod.getStatusCode()).isEqualTo(405);
        assertThat(wrongMethod.getBody()).isEqualTo("{\"status\":\"METHOD_NOT_ALLOWED\",\"message\":"
                + "\"Request method 'GET' is not supported\"}");

        APIGatewayV2HTTPResponse unknown = call("http-post-send.json", body("{\"MessageAttributeProductId\":\"CP-999999\"}"));
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).isEqualTo("{\"message\":\"no product with sku CP-999999\"}");
    }

    private static void assertBadRequest(APIGatewayV2HTTPResponse response, String messagePart) {
        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = Events.JSON.readTree(response.getBody());
        assertThat(body.get("status").asString()).isEqualTo("BAD_REQUEST");
        assertThat(body.get("message").asString()).contains(messagePart);
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethod405() {
        APIGatewayV2HTTPResponse unknown = call(Events.http("http-unknown-route.json"));
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(json(unknown).get("status").asString()).isEqualTo("NOT_FOUND");
        assertThat(json(unknown).get("message").asString()).isEqualTo("no such endpoint: /api/orders/42");

        assertThat(call("http-get-products.json", e -> Events.route(e, "GET", "/api/products/")).getStatusCode())
                .isEqualTo(404);
        APIGatewayV2HTTPResponse wrongMethod = call("http-post-sales.json", e -> Events.route(e, "DELETE", "/api/sales"));
        assertThat(wrongMethod.getStatusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("status").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void theCatalogAndOneProductReadAsTheServiceShowsThem() {
        APIGatewayV2HTTPResponse all = call(Events.http("http-get-products.json"));
        assertThat(all.getStatusCode()).isEqualTo(200);
        assertThat(json(all).size()).isEqualTo(4);

        APIGatewayV2HTTPResponse one = call(Events.http("http-get-product.json"));
        assertThat(one.getStatusCode()).isEqualTo(200);
        JsonNode product = json(one);
        assertThat(product.get("sku").asString()).isEqualTo("CP-502101");
        assertThat(product.get("name").asString()).isEqualTo("부산도너츠");
        assertThat(product.get("price").asInt()).isEqualTo(19900);
        assertThat(product.get("factoryId").asString()).isEqualTo("FF-500293");

        APIGatewayV2HTTPResponse none = call("http-get-product.json", e -> Events.route(e, "GET", "/api/products/CP-999999"));
        assertThat(none.getStatusCode()).isEqualTo(404);
        assertThat(json(none).get("status").asString()).isEqualTo("UNKNOWN_PRODUCT");
    }

    /**
     * A buyer who asks to wait is answered 202 BACKORDERED with a secret given once, reads the backorder
     * at {@code GET /api/backorders/{id}}, and cancels it with the secret ({@code Backorder-Secret}); a
     * wrong or missing secret is 404 like an unknown backorder. A shop of its own: the line of waiting
     * buyers and the replenishment it orders would change what the other tests see of the catalog.
     */
    @Test
    void aBackorderIsPlacedReadAndCancelledWithItsSecret() {
        try (ShopUnderTest own = ShopUnderTest.start()) {
            var sales = new SalesApiHandler(own.shop);
            int stock = own.stockOf("CP-502104");
            APIGatewayV2HTTPResponse placed = call(sales, Events.http("http-post-sales.json", event -> {
                ((ObjectNode) event.get("headers")).remove("idempotency-key");
                event.put("body", "{\"sku\":\"CP-502104\",\"quantity\":" + (stock + 5) + ",\"backorder\":true}");
            }));

            assertThat(placed.getStatusCode()).isEqualTo(202);
            JsonNode answer = json(placed);
            assertThat(answer.get("status").asString()).isEqualTo("BACKORDERED");
            JsonNode backorder = answer.get("backorder");
            assertThat(backorder.get("sku").asString()).isEqualTo("CP-502104");
            assertThat(backorder.get("quantity").asInt()).isEqualTo(stock + 5);
            assertThat(backorder.get("status").asString()).isEqualTo("WAITING");
            assertThat(backorder.get("position").isNumber()).isTrue();
            assertThat(answer.get("replenishment").get("status").asString()).isEqualTo("REQUESTED");
            assertThat(own.stockOf("CP-502104")).as("a backorder takes nothing from the shelf").isEqualTo(stock);
            assertThat(own.shop.outbox().pendingCount())
                    .as("the backordered answer relayed the replenishment's event at once").isZero();
            String id = backorder.get("id").asString();
            String secret = backorder.get("secret").asString();
            assertThat(secret).isNotBlank();

            APIGatewayV2HTTPResponse read = call(sales, Events.http("http-get-product.json",
                    event -> Events.route(event, "GET", "/api/backorders/" + id)));
            assertThat(read.getStatusCode()).isEqualTo(200);
            assertThat(json(read).get("id").asString()).isEqualTo(id);
            assertThat(json(read).get("status").asString()).isEqualTo("WAITING");
            assertThat(json(read).has("secret")).as("the secret is given once, when placed").isFalse();

            assertProblem(call(sales, Events.http("http-get-product.json", event -> Events.route(event, "GET",
                    "/api/backorders/00000000-0000-4000-8000-000000000000"))), 404, "UNKNOWN_BACKORDER");
            assertProblem(call(sales, Events.http("http-get-product.json",
                    event -> Events.route(event, "GET", "/api/backorders/not-a-uuid"))), 400, "BAD_REQUEST");

            for (String wrong : new String[] {null, "not-the-secret"}) {
                APIGatewayV2HTTPResponse refused = call(sales, cancel(id, wrong));
                assertProblem(refused, 404, "UNKNOWN_BACKORDER");
            }
            assertProblem(call(sales, Events.http("http-get-product.json",
                    event -> Events.route(event, "PUT", "/api/backorders/" + id))), 405, "METHOD_NOT_ALLOWED");

            APIGatewayV2HTTPResponse cancelled = call(sales, cancel(id, secret));
            assertThat(cancelled.getStatusCode()).isEqualTo(200);
            assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
            assertProblem(call(sales, cancel(id, secret)), 409, "BACKORDER_ENDED");
            assertThat(json(call(sales, Events.http("http-get-product.json",
                    event -> Events.route(event, "GET", "/api/backorders/" + id)))).get("status").asString())
                    .isEqualTo("CANCELLED");
        }
    }

    private static APIGatewayV2HTTPEvent cancel(String id, String secret) {
        return Events.http("http-get-product.json", event -> {
            Events.route(event, "DELETE", "/api/backorders/" + id);
            if (secret != null) {
                ((ObjectNode) event.get("headers")).put("backorder-secret", secret);
            }
        });
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfterAndNoStackTrace() {
        var broken = new LambdaShop(LambdaSettings.from(shop.env));
        broken.close();

        APIGatewayV2HTTPResponse response = new SalesApiHandler(broken)
                .handleRequest(Events.http("http-get-products.json"), new FakeContext("SalesApiFunction"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
        assertProblem(response, 503, "DATABASE_UNAVAILABLE");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    // ------------------------------------------------------------------ hostile input: paths and backorders

    /** 400 problem details whose message names {@code named}, and no Java, library or decoder names. */
    private static void assertRefusedNaming(APIGatewayV2HTTPResponse response, String named) {
        assertProblem(response, 400, "BAD_REQUEST");
        assertThat(json(response).get("message").asString()).contains(named);
        assertThat(response.getBody()).doesNotContain("java.").doesNotContain("Exception").doesNotContain("tools.jackson")
                .doesNotContain("URLDecoder").doesNotContain("Illegal hex");
    }

    @Test
    void hostileInputAPathThatIsNotPercentEncodingIsA400NamingThePathNotTheDecoder() {
        for (String path : new String[] {"/api/backorders/%zz", "/api/backorders/%", "/api/products/%zz",
                "/api/products/%g1/ledger", "/api/replenishments/%2"}) {
            for (String method : path.startsWith("/api/backorders/") ? new String[] {"GET", "DELETE"} : new String[] {"GET"}) {
                assertRefusedNaming(call("http-get-product.json", e -> Events.route(e, method, path)), path);
            }
        }
    }

    @Test
    void hostileInputBadBackorderIdsSecretsAndFlagsAreRefusedAndChangeNothing() {
        int before = shop.stockOf("CP-502104");
        String unknown = java.util.UUID.randomUUID().toString();
        assertRefusedNaming(call("http-get-product.json", e -> Events.route(e, "GET", "/api/backorders/not-a-uuid")),
                "backorder id");
        assertRefusedNaming(call("http-get-product.json", e -> Events.route(e, "DELETE", "/api/backorders/1%20OR%201%3D1")),
                "backorder id");
        assertProblem(call("http-get-product.json", e -> Events.route(e, "GET", "/api/backorders/" + unknown)),
                404, "UNKNOWN_BACKORDER");
        assertProblem(call("http-get-product.json", e -> Events.route(e, "DELETE", "/api/backorders/" + unknown)),
                404, "UNKNOWN_BACKORDER");
        assertProblem(call("http-get-product.json", e -> {
            Events.route(e, "DELETE", "/api/backorders/" + unknown);
            ((ObjectNode) e.get("headers")).put("backorder-secret", "guess");
        }), 404, "UNKNOWN_BACKORDER");
        assertProblem(call("http-get-product.json", e -> Events.route(e, "PUT", "/api/backorders/" + unknown)),
                405, "METHOD_NOT_ALLOWED");

        for (String[] bad : new String[][] {
                {"\"backorder\":\"true\"", "backorder"},
                {"\"backorder\":1", "backorder"},
                {"\"backorder\":true,\"notifyUrl\":\"not a url\"", "notifyUrl"},
                {"\"backorder\":true,\"notifyUrl\":\"ftp://example.com/hook\"", "notifyUrl"},
                {"\"backorder\":true,\"notifyUrl\":\"javascript:alert(1)\"", "notifyUrl"},
                {"\"backorder\":true,\"notifyUrl\":42", "notifyUrl"},
                {"\"notifyUrl\":\"https://example.com/hook\"", "notifyUrl"}}) {
            assertRefusedNaming(call("http-post-sales.json", e -> {
                ((ObjectNode) e.get("headers")).remove("idempotency-key");
                e.put("body", "{\"sku\":\"CP-502104\",\"quantity\":1," + bad[0] + "}");
            }), bad[1]);
        }
        assertThat(shop.stockOf("CP-502104")).isEqualTo(before);
    }

    /**
     * The anonymous reads go over a connection of their own on which the server stops a statement
     * after DONUT_DB_READ_TIMEOUT (2 s by default): a read that would run for minutes is stopped, and
     * purchases never share that connection.
     */
    @Test
    void theServerStopsAnAnonymousReadThatRunsPastTheReadTimeout() {
        var reads = org.springframework.jdbc.core.simple.JdbcClient.create(shop.shop.readPool());
        long started = System.nanoTime();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        reads.sql("SELECT SUM(seq % 7) FROM seq_1_to_10000000000").query(Long.class).single())
                .hasMessageContaining("max_statement_time");

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(6));
        assertThat(shop.shop.readPool()).as("a pool of its own").isNotSameAs(shop.shop.dataSource());
    }
}
