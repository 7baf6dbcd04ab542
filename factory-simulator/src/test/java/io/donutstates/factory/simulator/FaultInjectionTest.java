package io.donutstates.factory.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultInjectionTest extends SimulatorTestSupport {

    @Test
    void failureRateOneRefusesEveryOrderAndSchedulesNothing() {
        start(settings().withFaults(Faults.DEFAULT.withDelay(Duration.ZERO).withFailureRate(1.0)));

        Http.Response response = http.post(ORDERS, orderBody("10"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("message").asString()).isEqualTo("factory unavailable (simulated failure)");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> receiver.count() == 0);
        assertThat(simulator.orders()).isEmpty();
        assertThat(simulator.stats()).isEqualTo(new FactoryStats(0, 1, 0, 0));
    }

    @Test
    void duplicateCallbacksSendsEveryCallbackExactlyTwice() {
        start(settings().withFaults(Faults.DEFAULT.withDelay(DELAY).withDuplicateCallbacks(true)));

        String orderId = http.post(ORDERS, orderBody("10")).json().get("orderId").asString();

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> receiver.count() == 2);
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.json().get("orderId").asString()).isEqualTo(orderId));
        assertThat(order(orderId).callbacksSent()).isEqualTo(2);
        assertThat(simulator.stats().callbacksSent()).isEqualTo(2);
    }

    @Test
    void dropCallbacksAcceptsButNeverCallsBack() {
        start(settings().withFaults(Faults.DEFAULT.withDelay(Duration.ZERO).withDropCallbacks(true)));

        Http.Response response = http.post(ORDERS, orderBody("10"));

        assertThat(response.status()).isEqualTo(202);
        String orderId = response.json().get("orderId").asString();
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> receiver.count() == 0);
        assertThat(order(orderId).callbackStatus()).isEqualTo(CallbackStatus.DROPPED);
        assertThat(simulator.stats()).isEqualTo(new FactoryStats(1, 0, 0, 0));
    }

    @Test
    void putFaultsChangesBehaviourLive() {
        start();
        JsonNode initial = http.get("/api/admin/faults").json();
        assertThat(initial.get("delay").asString()).isEqualTo("100ms");
        assertThat(initial.get("delayMillis").longValue()).isEqualTo(100);

        Http.Response put = http.put("/api/admin/faults", "{\"dropCallbacks\":true,\"delay\":\"PT0.2S\"}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("dropCallbacks").booleanValue()).isTrue();
        assertThat(put.json().get("delayMillis").longValue()).isEqualTo(200);
        assertThat(put.json().get("failureRate").doubleValue()).isEqualTo(0.0);
        assertThat(put.json().get("callbackContentType").asString()).isEqualTo("application/json");
        assertThat(simulator.faults().dropCallbacks()).isTrue();
        String dropped = http.post(ORDERS, orderBody("1")).json().get("orderId").asString();
        assertThat(order(dropped).callbackStatus()).isEqualTo(CallbackStatus.DROPPED);

        assertThat(http.put("/api/admin/faults", "{\"dropCallbacks\":false,\"delayMillis\":50,"
                + "\"callbackContentType\":\"text/plain\"}").status()).isEqualTo(200);
        http.post(ORDERS, orderBody("2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        assertThat(receiver.received().get(0).contentType()).isEqualTo("text/plain");

        assertThat(http.put("/api/admin/faults", "{\"failureRate\":1.0}").status()).isEqualTo(200);
        assertThat(http.post(ORDERS, orderBody("3")).status()).isEqualTo(503);
    }

    @Test
    void putFaultsRejectsBadValuesAndChangesNothing() {
        start();
        JsonNode before = http.get("/api/admin/faults").json();

        for (String bad : new String[] {"{\"failureRate\":1.5}", "{\"failureRate\":\"half\"}",
                "{\"delay\":\"soon\"}", "{\"delay\":\"-PT1S\"}", "{\"delayMillis\":-1}", "{\"delay\":\"1s\",\"delayMillis\":5}",
                "{\"callbackContentType\":\"text/xml\"}", "{\"dropCallbacks\":\"maybe\"}",
                "{\"dropCallbacks\":true,\"failureRate\":2}", "{\"noSuchFault\":true}", "{nope", "[]"}) {
            Http.Response response = http.put("/api/admin/faults", bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.json().get("message").asString()).as(bad).isNotBlank();
        }

        assertThat(http.get("/api/admin/faults").json()).isEqualTo(before);
        // A GET answer sent back as is must be accepted.
        assertThat(http.put("/api/admin/faults", before.toString()).status()).isEqualTo(200);
    }

    @Test
    void javaApiSwapsFaults() {
        start();

        simulator.faults(simulator.faults().withFailureRate(1.0));

        assertThat(http.post(ORDERS, orderBody("1")).status()).isEqualTo(503);
        assertThat(http.get("/api/admin/faults").json().get("failureRate").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void adminTokenIsEnforcedWhenSet() {
        start(settings().withAdminToken("s3cret"));

        Http.Response missing = http.get("/api/admin/faults");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("message").asString()).contains("Bearer");
        assertThat(http.get("/api/admin/stats", "Authorization", "Bearer wrong").status()).isEqualTo(401);
        assertThat(http.put("/api/admin/faults", "{\"dropCallbacks\":true}").status()).isEqualTo(401);
        assertThat(simulator.faults().dropCallbacks()).isFalse();

        assertThat(http.get("/api/admin/faults", "Authorization", "Bearer s3cret").status()).isEqualTo(200);
        assertThat(http.get("/api/admin/stats", "Authorization", "Bearer s3cret").status()).isEqualTo(200);
        assertThat(http.put("/api/admin/faults", "{\"dropCallbacks\":true}", "Authorization", "Bearer s3cret")
                .status()).isEqualTo(200);
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.post(ORDERS, orderBody("1")).status()).isEqualTo(202);
    }
}
