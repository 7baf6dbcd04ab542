package io.donutstates.factory.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallbackRetryTest extends SimulatorTestSupport {

    @Test
    void failedCallbackIsRetriedUntilDelivered() {
        start();
        receiver.answering(500);

        String orderId = http.post(ORDERS, orderBody("10")).json().get("orderId").asString();

        await().atMost(Duration.ofSeconds(5)).until(() -> order(orderId).callbackStatus() == CallbackStatus.SENT);
        assertThat(receiver.count()).isEqualTo(2);
        assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
        assertThat(order(orderId).callbacksSent()).isEqualTo(1);
        assertThat(simulator.stats()).isEqualTo(new FactoryStats(1, 0, 1, 0));
    }

    @Test
    void callbackIsGivenUpAfterTheRetries() {
        start();
        receiver.answeringAlways(503);

        String orderId = http.post(ORDERS, orderBody("10")).json().get("orderId").asString();

        await().atMost(Duration.ofSeconds(5)).until(() -> order(orderId).callbackStatus() == CallbackStatus.FAILED);
        assertThat(receiver.count()).isEqualTo(3); // the first try and the two configured retries
        assertThat(simulator.stats()).isEqualTo(new FactoryStats(1, 0, 0, 1));
    }

    @Test
    void clientErrorIsNotRetried() {
        start();
        receiver.answeringAlways(404);

        String orderId = http.post(ORDERS, orderBody("10")).json().get("orderId").asString();

        await().atMost(Duration.ofSeconds(5)).until(() -> order(orderId).callbackStatus() == CallbackStatus.FAILED);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> receiver.count() == 1);
    }

    @Test
    void unreachableReceiverEndsFailed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start();
        String body = orderBody("1").replace(receiver.url(""), "http://127.0.0.1:" + closedPort);

        String orderId = http.post(ORDERS, body).json().get("orderId").asString();

        await().atMost(Duration.ofSeconds(10)).until(() -> order(orderId).callbackStatus() == CallbackStatus.FAILED);
        assertThat(simulator.stats().callbacksFailed()).isEqualTo(1);
    }

    @Test
    void closeStopsServingAndAbandonsPendingCallbacks() {
        start(settings().withFaults(Faults.DEFAULT.withDelay(Duration.ofMillis(300))));
        assertThat(http.post(ORDERS, orderBody("1")).status()).isEqualTo(202);

        simulator.close();

        assertThatThrownBy(() -> http.get("/health")).isInstanceOf(UncheckedIOException.class);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> receiver.count() == 0);
    }
}
