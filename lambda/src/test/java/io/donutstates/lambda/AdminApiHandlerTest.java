package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's endpoints on Lambda, behind the admin bearer token: refused without it, and with it
 * the dead letters listed, redriven and discarded, a stock count and a policy taken, the backorders
 * listed and their policy set, the invariants and the ops summary read; the token itself read from
 * Secrets Manager.
 */
class AdminApiHandlerTest {

    private static final String TOKEN = "lambda-admin-token-0123456789";
    private static final String SKU = "CP-502101";

    private static ShopUnderTest shop;
    private static AdminApiHandler handler;

    @BeforeAll
    static void start() {
        shop = ShopUnderTest.start();
        handler = new AdminApiHandler(shop.shop, TOKEN);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void withoutTheTokenEveryRouteIsRefusedAndNothingChanges() {
        int before = shop.stockOf(SKU);
        for (String token : new String[] {null, "wrong", TOKEN + "x", ""}) {
            var answer = call(handler, token, "PUT", "/api/admin/products/" + SKU + "/stock", "{\"stock\":0}");
            assertThat(answer.getStatusCode()).as("token %s", token).isEqualTo(401);
            SalesApiHandlerTest.assertProblem(answer, 401, "UNAUTHORIZED");
        }
        assertThat(call(handler, null, "GET", "/api/ops/summary", null).getStatusCode()).isEqualTo(401);
        assertThat(call(handler, "wrong", "GET", "/api/admin/dlq", null).getStatusCode()).isEqualTo(401);
        assertThat(shop.stockOf(SKU)).isEqualTo(before);

        var disabled = new AdminApiHandler(shop.shop, null);
        var answer = call(disabled, TOKEN, "GET", "/api/admin/invariants", null);
        assertThat(answer.getStatusCode()).isEqualTo(401);
        assertThat(json(answer).get("message").asString()).contains("disabled");
        SalesApiHandlerTest.assertProblem(answer, 401, "UNAUTHORIZED");
        assertThat(answer.getHeaders()).containsEntry("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aStockCountAndAPolicyAreTakenAndTheInvariantsStillHold() {
        var counted = call(handler, TOKEN, "PUT", "/api/admin/products/" + SKU.toLowerCase() + "/stock", "{\"stock\":7}");
        assertThat(counted.getStatusCode()).isEqualTo(200);
        assertThat(json(counted).get("stock").asInt()).isEqualTo(7);
        assertThat(shop.stockOf(SKU)).isEqualTo(7);

        var policy = call(handler, TOKEN, "PUT", "/api/admin/products/" + SKU + "/policy",
                "{\"reorderQuantity\":12,\"reorderPoint\":3}");
        assertThat(policy.getStatusCode()).isEqualTo(200);
        assertThat(json(policy).get("reorderQuantity").asInt()).isEqualTo(12);

        assertThat(call(handler, TOKEN, "PUT", "/api/admin/products/NO-SUCH/stock", "{\"stock\":1}").getStatusCode())
                .isEqualTo(404);
        assertThat(call(handler, TOKEN, "PUT", "/api/admin/products/" + SKU + "/stock", "{\"stock\":\"1\"}")
                .getStatusCode()).isEqualTo(400);
        assertThat(call(handler, TOKEN, "GET", "/api/admin/products/" + SKU + "/stock", null).getStatusCode())
                .isEqualTo(405);
        assertThat(call(handler, TOKEN, "GET", "/api/admin/nothing-here", null).getStatusCode()).isEqualTo(404);

        var invariants = call(handler, TOKEN, "GET", "/api/admin/invariants", null);
        assertThat(invariants.getStatusCode()).isEqualTo(200);
        assertThat(json(invariants).get("holds").asBoolean()).isTrue();
    }

    @Test
    void theOpsSummaryNamesBothQueuesTheReplenishmentsAndTheAlerts() {
        var summary = call(handler, TOKEN, "GET", "/api/ops/summary", null);
        assertThat(summary.getStatusCode()).isEqualTo(200);
        JsonNode body = json(summary);
        assertThat(body.get("queues").get("stockQueue").has("depth")).isTrue();
        assertThat(body.get("queues").get("deadLetterQueue").get("depth").isNumber()).isTrue();
        assertThat(body.get("salesPerSecond").isArray()).isTrue();
        assertThat(body.get("replenishments").isObject()).isTrue();
        assertThat(body.get("alerts").isArray()).isTrue();
    }

    @Test
    void deadLettersAreListedRedrivenAndDiscarded() {
        String dlq = shop.queues.deadLetterQueueUrl();
        Infra.sqs().sendMessage(r -> r.queueUrl(dlq).messageBody("{\"unreadable\": true}"));
        var listed = call(handler, TOKEN, "GET", "/api/admin/dlq", null);
        assertThat(listed.getStatusCode()).isEqualTo(200);
        assertThat(json(listed)).hasSize(1);
        String id = json(listed).get(0).get("id").asString();
        assertThat(json(listed).get(0).get("body").asString()).isEqualTo("{\"unreadable\": true}");

        var redriven = call(handler, TOKEN, "POST", "/api/admin/dlq/" + id + "/redrive", null);
        assertThat(redriven.getStatusCode()).isEqualTo(200);
        assertThat(json(redriven).get("redriven").asInt()).isEqualTo(1);
        // A body that names no replenishment goes back to stock_queue as it is.
        assertThat(shop.receive(shop.queues.stockQueueUrl(), 30, 2)).extracting(m -> m.body())
                .contains("{\"unreadable\": true}");
        assertThat(json(call(handler, TOKEN, "GET", "/api/admin/dlq", null))).isEmpty();

        Infra.sqs().sendMessage(r -> r.queueUrl(dlq).messageBody("{\"also\": \"unreadable\"}"));
        String second = json(call(handler, TOKEN, "GET", "/api/admin/dlq", null)).get(0).get("id").asString();
        var discarded = call(handler, TOKEN, "DELETE", "/api/admin/dlq/" + second, null, "reason", "product retired");
        assertThat(discarded.getStatusCode()).isEqualTo(200);
        assertThat(json(discarded).get("discarded").asInt()).isEqualTo(1);
        assertThat(json(call(handler, TOKEN, "GET", "/api/admin/dlq", null))).isEmpty();

        assertThat(call(handler, TOKEN, "POST", "/api/admin/dlq/no-such-message/redrive", null).getStatusCode())
                .isEqualTo(404);
        assertThat(call(handler, TOKEN, "POST", "/api/admin/dlq/redrive", null).getStatusCode()).isEqualTo(200);
        assertThat(call(handler, TOKEN, "GET", "/api/admin/dlq", null, "limit", "0").getStatusCode()).isEqualTo(400);
    }

    @Test
    void backordersAreListedAndTheirPolicySetOnlyWithTheToken() {
        String sku = "CP-502104";
        String policyPath = "/api/admin/products/" + sku + "/backorder-policy";
        String policyBody = "{\"expireAfterMinutes\":120,\"maxOrderQuantity\":500}";
        for (String token : new String[] {null, "wrong"}) {
            for (String[] route : new String[][] {{"GET", "/api/admin/backorders/waiting"},
                    {"GET", "/api/admin/products/" + sku + "/backorders"}, {"PUT", policyPath}}) {
                var refused = call(handler, token, route[0], route[1], route[0].equals("PUT") ? policyBody : null);
                SalesApiHandlerTest.assertProblem(refused, 401, "UNAUTHORIZED");
            }
        }
        assertThat(shop.jdbc().sql("SELECT COUNT(*) FROM backorder_policy").query(Integer.class).single())
                .as("no policy was set without the token").isZero();

        var policy = call(handler, TOKEN, "PUT", policyPath, policyBody);
        assertThat(policy.getStatusCode()).isEqualTo(200);
        assertThat(json(policy).get("sku").asString()).isEqualTo(sku);
        assertThat(json(policy).get("expireAfterMinutes").asInt()).isEqualTo(120);
        assertThat(json(policy).get("maxOrderQuantity").asInt()).isEqualTo(500);
        SalesApiHandlerTest.assertProblem(call(handler, TOKEN, "PUT", policyPath, "{\"expireAfterMinutes\":120}"),
                400, "BAD_REQUEST");
        SalesApiHandlerTest.assertProblem(call(handler, TOKEN, "PUT", "/api/admin/products/CP-999999/backorder-policy",
                policyBody), 404, "UNKNOWN_PRODUCT");
        SalesApiHandlerTest.assertProblem(call(handler, TOKEN, "GET", policyPath, null), 405, "METHOD_NOT_ALLOWED");

        // A buyer waits for more than the shelf holds, through the sales function on the same shop.
        int stock = shop.stockOf(sku);
        var placed = new SalesApiHandler(shop.shop).handleRequest(Events.http("http-post-sales.json", event -> {
            ((ObjectNode) event.get("headers")).remove("idempotency-key");
            event.put("body", "{\"sku\":\"" + sku + "\",\"quantity\":" + (stock + 5) + ",\"backorder\":true}");
        }), new FakeContext("SalesApiFunction"));
        assertThat(placed.getStatusCode()).isEqualTo(202);
        JsonNode backorder = json(placed).get("backorder");
        assertThat(java.time.Duration.between(java.time.Instant.parse(backorder.get("createdAt").asString()),
                java.time.Instant.parse(backorder.get("expiresAt").asString())))
                .as("the product's own expiry").isEqualTo(java.time.Duration.ofMinutes(120));

        var waiting = call(handler, TOKEN, "GET", "/api/admin/backorders/waiting", null);
        assertThat(waiting.getStatusCode()).isEqualTo(200);
        assertThat(json(waiting)).hasSize(1);
        JsonNode demand = json(waiting).get(0);
        assertThat(demand.get("sku").asString()).isEqualTo(sku);
        assertThat(demand.get("waitingBackorders").asInt()).isEqualTo(1);
        assertThat(demand.get("waitingDonuts").asInt()).isEqualTo(stock + 5);
        assertThat(java.time.Instant.parse(demand.get("oldestSince").asString())).isNotNull();

        var listed = call(handler, TOKEN, "GET", "/api/admin/products/" + sku.toLowerCase() + "/backorders", null);
        assertThat(listed.getStatusCode()).isEqualTo(200);
        assertThat(json(listed)).hasSize(1);
        assertThat(json(listed).get(0).get("id").asString()).isEqualTo(backorder.get("id").asString());
        assertThat(json(listed).get(0).get("status").asString()).isEqualTo("WAITING");
        assertThat(json(listed).get(0).has("secret")).isFalse();
        assertThat(json(call(handler, TOKEN, "GET", "/api/admin/products/" + sku + "/backorders", null,
                "before", backorder.get("position").asString()))).as("nothing before the first").isEmpty();
        SalesApiHandlerTest.assertProblem(call(handler, TOKEN, "GET", "/api/admin/products/" + sku + "/backorders",
                null, "before", "yesterday"), 400, "BAD_REQUEST");
        SalesApiHandlerTest.assertProblem(call(handler, TOKEN, "GET", "/api/admin/products/CP-999999/backorders",
                null), 404, "UNKNOWN_PRODUCT");
        SalesApiHandlerTest.assertProblem(call(handler, TOKEN, "POST", "/api/admin/backorders/waiting", null),
                405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void theTokenIsReadFromTheSecretNamedByItsArn() throws IOException {
        String arn = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:donut-admin-AbCdEf";
        List<String> askedFor = new CopyOnWriteArrayList<>();
        HttpServer secrets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secrets.createContext("/", exchange -> {
            JsonNode request = Events.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            askedFor.add(request.get("SecretId").asString());
            byte[] body = Events.JSON.writeValueAsBytes(Map.of("ARN", arn, "Name", "donut-admin", "VersionId", "v1",
                    "SecretString", "generated-token-from-the-stack\n"));
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secrets.start();
        try {
            var settings = LambdaSettings.from(Map.of(AdminApiHandler.TOKEN_SECRET, arn,
                    "DONUT_SECRETS_ENDPOINT", "http://127.0.0.1:" + secrets.getAddress().getPort(),
                    "DONUT_SQS_REGION", "ap-northeast-2"));
            assertThat(AdminApiHandler.adminToken(settings)).isEqualTo("generated-token-from-the-stack");
            assertThat(askedFor).containsExactly(arn);
            assertThat(AdminApiHandler.adminToken(LambdaSettings.from(Map.of()))).as("none configured").isNull();
        } finally {
            secrets.stop(0);
        }
    }

    private static APIGatewayV2HTTPResponse call(AdminApiHandler handler, String token, String method, String path,
                                                 String body, String... query) {
        return handler.handleRequest(Events.http("http-get-products.json", tree -> {
            Events.route(tree, method, path);
            tree.put("routeKey", path.startsWith("/api/ops") ? method + " " + path : "ANY /api/admin/{proxy+}");
            if (token != null) {
                ((ObjectNode) tree.get("headers")).put("authorization", "Bearer " + token);
            }
            if (body != null) {
                ((ObjectNode) tree.get("headers")).put("content-type", "application/json");
                tree.put("body", body);
            }
            if (query.length == 2) {
                Events.query(tree, query[0], query[1]);
            }
        }), new FakeContext("AdminApiFunction"));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse answer) {
        return Events.JSON.readTree(answer.getBody());
    }

    // ------------------------------------------------------------------ hostile input: paths and backorders

    /** 400 problem details whose message names {@code named}, and no Java, library or decoder names. */
    private static void assertRefusedNaming(APIGatewayV2HTTPResponse answer, String named) {
        SalesApiHandlerTest.assertProblem(answer, 400, "BAD_REQUEST");
        assertThat(json(answer).get("message").asString()).contains(named);
        assertThat(answer.getBody()).doesNotContain("java.").doesNotContain("Exception").doesNotContain("tools.jackson")
                .doesNotContain("URLDecoder").doesNotContain("Illegal hex");
    }

    @Test
    void hostileInputAnAdminPathThatIsNotPercentEncodingIsA400NamingThePath() {
        String[][] calls = {
                {"GET", "/api/admin/products/%zz/backorders"},
                {"PUT", "/api/admin/products/%zz/backorder-policy"},
                {"PUT", "/api/admin/products/%/stock"},
                {"PUT", "/api/admin/products/%zz/policy"},
                {"POST", "/api/admin/dlq/%zz/redrive"},
                {"DELETE", "/api/admin/dlq/%zz"}};
        for (String[] c : calls) {
            assertRefusedNaming(call(handler, TOKEN, c[0], c[1], c[0].equals("PUT") ? "{\"stock\":1}" : null), c[1]);
        }
    }

    @Test
    void hostileInputBadBackorderListPolicySlotsAndLimitsAreA400NamingTheField() {
        String backorders = "/api/admin/products/" + SKU + "/backorders";
        assertRefusedNaming(call(handler, TOKEN, "GET", backorders, null, "limit", "abc"), "limit");
        assertRefusedNaming(call(handler, TOKEN, "GET", backorders, null, "limit", "0"), "limit");
        assertRefusedNaming(call(handler, TOKEN, "GET", backorders, null, "before", "abc"), "before");
        assertRefusedNaming(call(handler, TOKEN, "GET", backorders, null, "before", "1 OR 1=1"), "before");
        assertRefusedNaming(call(handler, TOKEN, "GET", "/api/admin/dlq", null, "limit", "abc"), "limit");
        SalesApiHandlerTest.assertProblem(call(handler, TOKEN, "GET", "/api/admin/products/NO-SUCH/backorders", null),
                404, "UNKNOWN_PRODUCT");

        var canonical = call(handler, TOKEN, "GET", backorders, null);
        assertThat(canonical.getStatusCode()).isEqualTo(200);
        for (String sku : new String[] {"cp-502101", "%20cp-502101%20"}) {
            var answer = call(handler, TOKEN, "GET", "/api/admin/products/" + sku + "/backorders", null);
            assertThat(answer.getStatusCode()).as(sku).isEqualTo(200);
            assertThat(answer.getBody()).as(sku).isEqualTo(canonical.getBody());
        }

        String policy = "/api/admin/products/" + SKU + "/backorder-policy";
        for (String body : new String[] {"{\"expireAfterMinutes\":\"60\",\"maxOrderQuantity\":50}",
                "{\"expireAfterMinutes\":60.5,\"maxOrderQuantity\":50}",
                "{\"expireAfterMinutes\":60,\"maxOrderQuantity\":50,\"expireAfterMinutes\":61}",
                "{\"expireAfterMinutes\":-5,\"maxOrderQuantity\":50}",
                "{\"expireAfterMinutes\":43201,\"maxOrderQuantity\":50}"}) {
            assertRefusedNaming(call(handler, TOKEN, "PUT", policy, body), "expireAfterMinutes");
        }
        assertRefusedNaming(call(handler, TOKEN, "PUT", policy, "{\"expireAfterMinutes\":60,\"maxOrderQuantity\":-1}"),
                "maxOrderQuantity");

        int slotsBefore = json(call(handler, TOKEN, "PUT", "/api/admin/products/" + SKU + "/policy",
                "{\"reorderQuantity\":12,\"reorderPoint\":3}")).get("slots").asInt();
        for (String slots : new String[] {"\"8\"", "8.5", "0", "65"}) {
            assertRefusedNaming(call(handler, TOKEN, "PUT", "/api/admin/products/" + SKU + "/policy",
                    "{\"reorderQuantity\":12,\"reorderPoint\":3,\"slots\":" + slots + "}"), "slots");
        }
        assertThat(shop.jdbc().sql("SELECT slots FROM product WHERE sku = :sku").param("sku", SKU).query(Integer.class)
                .single()).isEqualTo(slotsBefore);
    }
}
