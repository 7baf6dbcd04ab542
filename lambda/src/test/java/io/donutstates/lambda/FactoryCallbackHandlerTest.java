package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.donutstates.alerting.Alert;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import io.donutstates.stock.Sku;
import io.donutstates.stock.StockMovement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The factory's "production complete" callback, as API Gateway hands it to the function. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactoryCallbackHandlerTest {

    private ShopUnderTest shop;
    private FactoryCallbackHandler handler;

    @BeforeAll
    void start() {
        shop = ShopUnderTest.start();
        handler = new FactoryCallbackHandler(shop.shop);
    }

    @AfterAll
    void stop() {
        shop.close();
    }

    /** A buyer asks for more than the shelf holds: the product's replenishment is REQUESTED. */
    private Replenishment shortageOf(String sku) {
        var result = shop.shop.selling().sell(Purchase.of(sku, 50));
        assertThat(result).isInstanceOf(SaleResult.OutOfStock.class);
        return ((SaleResult.OutOfStock) result).replenishment();
    }

    private String tokenFor(Replenishment replenishment) {
        String url = shop.shop.callbacks().urlFor(replenishment.id()).toString();
        return url.substring(url.indexOf("?token=") + "?token=".length());
    }

    private APIGatewayV2HTTPResponse callback(Replenishment replenishment, String token, Consumer<ObjectNode> change) {
        var event = Events.http("http-factory-callback.json", e -> {
            Events.route(e, "POST", "/api/factory/callbacks/" + replenishment.id());
            ((ObjectNode) e.get("pathParameters")).put("id", replenishment.id().toString());
            if (token == null) {
                e.remove("queryStringParameters");
                e.put("rawQueryString", "");
            } else {
                Events.query(e, "token", token);
            }
            change.accept(e);
        });
        var response = handler.handleRequest(event, new FakeContext("FactoryCallbackFunction"));
        assertThat(response.getBody()).doesNotContain("Exception");
        return response;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Events.JSON.readTree(response.getBody());
    }

    @Test
    void aTextPlainCallbackRaisesStockOnceHoweverOftenTheFactoryCalls() {
        var replenishment = shortageOf("CP-502101");
        int before = shop.stockOf("CP-502101");
        String token = tokenFor(replenishment);

        var first = callback(replenishment, token, e -> { });
        var repeat = callback(replenishment, token, e -> { });

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(json(first).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(json(first).get("deliveredQuantity").asInt()).isEqualTo(10);
        assertThat(repeat.getStatusCode()).isEqualTo(200);
        assertThat(json(repeat).get("status").asString()).isEqualTo("ALREADY_DELIVERED");
        assertThat(shop.stockOf("CP-502101")).isEqualTo(before + 10);
        assertThat(shop.shop.replenishments().find(replenishment.id()).orElseThrow().status())
                .isEqualTo(ReplenishmentStatus.DELIVERED);
        assertThat(shop.shop.ledger().history(Sku.of("CP-502101"), 10))
                .filteredOn(m -> m.reason() == StockMovement.Reason.DELIVERY).hasSize(1);
    }

    @Test
    void aWrongTokenIs403AndChangesNothing() {
        var replenishment = shortageOf("CP-502102");
        int before = shop.stockOf("CP-502102");

        var forged = callback(replenishment, "bm90LXRoZS1yaWdodC10b2tlbg", e -> e.put("body",
                e.get("body").asString().replace("CP-502101", "CP-502102")));

        assertThat(forged.getStatusCode()).isEqualTo(403);
        SalesApiHandlerTest.assertProblem(forged, 403, "FORBIDDEN");
        assertThat(shop.stockOf("CP-502102")).isEqualTo(before);
        assertThat(shop.shop.replenishments().find(replenishment.id()).orElseThrow().status())
                .isEqualTo(ReplenishmentStatus.REQUESTED);

        var anonymous = callback(replenishment, null, e -> { });
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
    }

    @Test
    void aBase64JsonCallbackForTheWrongProductIsRefusedAndALegacyStockFieldIs400() {
        var replenishment = shortageOf("CP-502103");
        String token = tokenFor(replenishment);

        var wrongProduct = callback(replenishment, token, e -> {
            ((ObjectNode) e.get("headers")).put("content-type", "application/json");
            e.put("isBase64Encoded", true);
            e.put("body", Base64.getEncoder().encodeToString(
                    "{\"MessageAttributeProductId\":\"CP-502104\",\"MessageAttributeProductCnt\":15}"
                            .getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(wrongProduct.getStatusCode()).isEqualTo(409);
        assertThat(json(wrongProduct).get("status").asString()).isEqualTo("WRONG_PRODUCT");

        var legacyField = callback(replenishment, token,
                e -> e.put("body", "{\"MessageAttributeProductId\":\"CP-502103\",\"stock\":15}"));
        assertThat(legacyField.getStatusCode()).isEqualTo(400);
        assertThat(json(legacyField).get("message").asString()).isEqualTo("MessageAttributeProductCnt is required");
    }

    @Test
    void aCountAboveTheOrderIs422AndChangesNothingAsInTheService() {
        var replenishment = shortageOf("CP-502104");
        int before = shop.stockOf("CP-502104");
        String token = tokenFor(replenishment);
        int ordered = replenishment.quantity().value();

        var flood = callback(replenishment, token, e -> e.put("body",
                "{\"MessageAttributeProductId\":\"CP-502104\",\"MessageAttributeProductCnt\":1000000}"));

        assertThat(flood.getStatusCode()).isEqualTo(422);
        assertThat(json(flood).get("status").asString()).isEqualTo("DELIVERY_REFUSED");
        assertThat(shop.stockOf("CP-502104")).isEqualTo(before);
        assertThat(shop.shop.replenishments().find(replenishment.id()).orElseThrow().status())
                .isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(shop.shop.alerts().recent(20)).filteredOn(a -> a.kind() == Alert.Kind.DELIVERY_REFUSED)
                .extracting(Alert::replenishmentId).containsExactly(replenishment.id().toString());

        var shortDelivery = callback(replenishment, token, e -> e.put("body",
                "{\"MessageAttributeProductId\":\"CP-502104\",\"MessageAttributeProductCnt\":" + (ordered - 1) + "}"));
        assertThat(shortDelivery.getStatusCode()).isEqualTo(200);
        assertThat(json(shortDelivery).get("deliveredQuantity").asInt()).isEqualTo(ordered - 1);
        assertThat(shop.stockOf("CP-502104")).isEqualTo(before + ordered - 1);
        assertThat(shop.shop.replenishmentViews().notes(replenishment.id())).singleElement().asString()
                .contains("short delivery");
    }

    @Test
    void aMalformedIdIs400AndAnotherPath404() {
        var event = Events.http("http-factory-callback.json",
                e -> Events.route(e, "POST", "/api/factory/callbacks/not-a-uuid"));
        var response = handler.handleRequest(event, new FakeContext("FactoryCallbackFunction"));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asString()).isEqualTo("replenishment id must be a UUID");

        var elsewhere = handler.handleRequest(Events.http("http-factory-callback.json",
                e -> Events.route(e, "POST", "/api/factory/other")), new FakeContext("FactoryCallbackFunction"));
        assertThat(elsewhere.getStatusCode()).isEqualTo(404);
    }
}
