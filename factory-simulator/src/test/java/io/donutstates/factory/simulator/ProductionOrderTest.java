package io.donutstates.factory.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ProductionOrderTest extends SimulatorTestSupport {

    @ParameterizedTest(name = "count {0}")
    @ValueSource(strings = {"10", "\"10\""})
    void acceptedOrderIsCalledBackAfterTheDelayWithTheCountAsNumber(String count) {
        start();
        long sentAt = System.nanoTime();

        Http.Response response = http.post(ORDERS, orderBody(count), "Content-Type", "application/json");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("message").asString()).isEqualTo("accepted");
        String orderId = response.json().get("orderId").asString();
        assertThat(UUID.fromString(orderId)).isNotNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        CallbackReceiver.Received callback = receiver.received().get(0);
        assertThat(callback.receivedNanos() - sentAt).isGreaterThanOrEqualTo(DELAY.toNanos());
        assertThat(callback.path()).isEqualTo("/api/factory/callbacks/abc");
        assertThat(callback.query()).isEqualTo("token=xyz");
        assertThat(callback.contentType()).isEqualTo("application/json");
        JsonNode expected = Json.MAPPER.readTree("""
                {"MessageGroupId":"stock-arrival-group","MessageAttributeProductId":"CP-502101",
                 "MessageAttributeProductCnt":10,"MessageAttributeFactoryId":"FF-500293",
                 "MessageAttributeRequester":"Donut-States","orderId":"%s"}""".formatted(orderId));
        assertThat(callback.json()).isEqualTo(expected);
        assertThat(callback.json().get("MessageAttributeProductCnt").isIntegralNumber()).isTrue();
        await().until(() -> order(orderId).callbackStatus() == CallbackStatus.SENT);
        assertThat(order(orderId).callbacksSent()).isEqualTo(1);
        assertThat(simulator.stats()).isEqualTo(new FactoryStats(1, 0, 1, 0));
    }

    @Test
    void bodyIsAcceptedAsTextPlainOrWithoutContentType() {
        start();

        assertThat(http.post(ORDERS, orderBody("3"), "Content-Type", "text/plain").status()).isEqualTo(202);
        assertThat(http.post(ORDERS, orderBody("4")).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 2);
        assertThat(receiver.received()).extracting(r -> r.json().get("MessageAttributeProductCnt").intValue())
                .containsExactlyInAnyOrder(3, 4);
    }

    @Test
    void missingGroupIdDefaultsAndOptionalFieldsComeBackAsGiven() {
        start();
        String body = """
                {"MessageAttributeProductId":"CP-1","MessageAttributeProductCnt":1,"CallbackUrl":"%s"}"""
                .formatted(receiver.url("/cb"));

        assertThat(http.post(ORDERS, body).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        JsonNode callback = receiver.received().get(0).json();
        assertThat(callback.get("MessageGroupId").asString()).isEqualTo("stock-arrival-group");
        assertThat(callback.get("MessageAttributeFactoryId").isNull()).isTrue();
    }

    @Test
    void callbackIsSentAsTextPlainWhenConfigured() {
        start(settings().withFaults(Faults.DEFAULT.withDelay(DELAY).withCallbackContentType("text/plain")));

        assertThat(http.post(ORDERS, orderBody("10")).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        CallbackReceiver.Received callback = receiver.received().get(0);
        assertThat(callback.contentType()).isEqualTo("text/plain");
        assertThat(callback.json().get("MessageAttributeProductCnt").intValue()).isEqualTo(10);
    }

    @Test
    void ordersAndHealthAreObservable() {
        start();
        String orderId = http.post(ORDERS, orderBody("7")).json().get("orderId").asString();

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        await().untilAsserted(() -> {
            JsonNode order = http.get("/api/orders").json().get(0);
            assertThat(order.get("orderId").asString()).isEqualTo(orderId);
            assertThat(order.get("productId").asString()).isEqualTo("CP-502101");
            assertThat(order.get("factoryId").asString()).isEqualTo("FF-500293");
            assertThat(order.get("count").intValue()).isEqualTo(7);
            assertThat(order.get("callbackUrl").asString()).isEqualTo(receiver.url("/api/factory/callbacks/abc?token=xyz"));
            assertThat(order.get("receivedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(order.get("callbacksSent").intValue()).isEqualTo(1);
            assertThat(order.get("callbackStatus").asString()).isEqualTo("SENT");
        });
        assertThat(http.get("/health").json().get("status").asString()).isEqualTo("UP");
        JsonNode stats = http.get("/api/admin/stats").json();
        assertThat(stats.get("ordersAccepted").longValue()).isEqualTo(1);
        assertThat(stats.get("callbacksSent").longValue()).isEqualTo(1);
        assertThat(stats.has("ordersRefused")).isTrue();
        assertThat(stats.has("callbacksFailed")).isTrue();
    }

    @Test
    void unknownPathWrongMethodAndOversizedBodyAreJsonErrors() {
        start();

        Http.Response notFound = http.get("/api/nothing-here");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("message").asString()).contains("/api/nothing-here");

        Http.Response wrongMethod = http.get(ORDERS);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("message").asString()).isNotBlank();
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");

        Http.Response tooLarge = http.post(ORDERS, "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("message").asString()).contains("64 KiB");
    }
}
