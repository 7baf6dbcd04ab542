package io.donutstates.factory.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvalidRequestTest extends SimulatorTestSupport {

    private static final String CB = "\"http://127.0.0.1:9/cb\"";

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{\"MessageAttributeProductCnt\":1,\"CallbackUrl\":" + CB + "}",
                        "MessageAttributeProductId"),
                Arguments.of(body("\"  \"", "1", CB), "MessageAttributeProductId"),
                Arguments.of(body("42", "1", CB), "MessageAttributeProductId"),
                Arguments.of(body("\"CP-1\"", "0", CB), "MessageAttributeProductCnt"),
                Arguments.of(body("\"CP-1\"", "-1", CB), "MessageAttributeProductCnt"),
                Arguments.of(body("\"CP-1\"", "\"abc\"", CB), "MessageAttributeProductCnt"),
                Arguments.of(body("\"CP-1\"", "1.5", CB), "MessageAttributeProductCnt"),
                Arguments.of(body("\"CP-1\"", "\"1.5\"", CB), "MessageAttributeProductCnt"),
                Arguments.of(body("\"CP-1\"", "1000001", CB), "MessageAttributeProductCnt"),
                Arguments.of(body("\"CP-1\"", "true", CB), "MessageAttributeProductCnt"),
                Arguments.of(body("\"CP-1\"", "null", CB), "MessageAttributeProductCnt"),
                Arguments.of(body("\"CP-1\"", "1", "\"not a url\""), "CallbackUrl"),
                Arguments.of(body("\"CP-1\"", "1", "\"/relative/cb\""), "CallbackUrl"),
                Arguments.of(body("\"CP-1\"", "1", "\"ftp://127.0.0.1/cb\""), "CallbackUrl"),
                Arguments.of(body("\"CP-1\"", "1", "null"), "CallbackUrl"),
                Arguments.of("{\"MessageAttributeProductId\":\"CP-1\",", "malformed JSON"),
                Arguments.of("[1,2]", "JSON object"),
                Arguments.of("", "empty"));
    }

    private static String body(String productId, String count, String callbackUrl) {
        return "{\"MessageAttributeProductId\":" + productId + ",\"MessageAttributeProductCnt\":" + count
                + ",\"CallbackUrl\":" + callbackUrl + "}";
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidBodies")
    void invalidBodyIsRejectedWith400NamingTheProblem(String body, String expectedInMessage) {
        start();

        Http.Response response = http.post(ORDERS, body, "Content-Type", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).contains(expectedInMessage);
        assertThat(simulator.orders()).isEmpty();
        assertThat(simulator.stats()).isEqualTo(new FactoryStats(0, 0, 0, 0));
    }

    @Test
    void rejectedOrdersNeverCallBack() {
        start(settings().withFaults(Faults.DEFAULT.withDelay(Duration.ZERO)));
        String badCount = orderBody("0");
        String noProduct = orderBody("1").replace("\"CP-502101\"", "\"\"");

        assertThat(http.post(ORDERS, badCount).status()).isEqualTo(400);
        assertThat(http.post(ORDERS, noProduct).status()).isEqualTo(400);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> receiver.count() == 0);
    }
}
