package io.donutstates.backorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import io.donutstates.stock.Sku;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notice a buyer receives, posted to a real local endpoint: its signature is checked against one
 * computed independently (Python's {@code hmac} over the documented {@code <timestamp>.<body>}).
 */
class HttpBuyerNotifierTest {

    private static final String SECRET = "buyer-secret-42";
    private static final Instant NOW = Instant.ofEpochSecond(1_764_417_600L);

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private HttpServer endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.stop(0);
        }
    }

    @Test
    void the_signing_key_is_the_sha256_of_the_buyers_secret_and_the_signature_an_hmac_of_timestamp_and_body() {
        String key = BackorderSecret.hash(SECRET);

        assertThat(key).isEqualTo("f5940011416c20bf3fceec1bbcc79866f8a74a5d633fe21f5cd0efaf3b660c52");
        assertThat(HttpBuyerNotifier.sign(key, "1764417600.{\"event\":\"backorder.fulfilled\"}"))
                .isEqualTo("01d2fb4c3e640e215b47cb97511e0c7531d2d8a2b5e570168d0be662b5f72b64");
    }

    @Test
    void a_fulfilled_notice_is_posted_signed_with_its_timestamp_and_event_id() throws IOException {
        int port = serve(204);
        var notice = notice("http://127.0.0.1:" + port + "/hooks/donuts");

        new HttpBuyerNotifier(Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC)).publish(notice);

        String body = received.get("body");
        assertThat(body).contains("\"event\":\"backorder.fulfilled\"", "\"saleId\":77", "\"sku\":\"CP-502101\"")
                .doesNotContain(SECRET).doesNotContain(BackorderSecret.hash(SECRET));
        assertThat(received).containsEntry("timestamp", "1764417600")
                .containsEntry("event", notice.eventId().toString())
                .containsEntry("signature", "sha256=" + HttpBuyerNotifier.sign(BackorderSecret.hash(SECRET),
                        "1764417600." + body));
    }

    @Test
    void an_endpoint_that_does_not_take_the_notice_fails_the_attempt_so_the_relay_tries_again() throws IOException {
        int port = serve(500);
        var notifier = new HttpBuyerNotifier(Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> notifier.publish(notice("http://127.0.0.1:" + port + "/hooks/donuts")))
                .hasMessageContaining("answered 500");
    }

    private int serve(int status) throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hooks/donuts", exchange -> {
            received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.put("timestamp", exchange.getRequestHeaders().getFirst(HttpBuyerNotifier.TIMESTAMP_HEADER));
            received.put("signature", exchange.getRequestHeaders().getFirst(HttpBuyerNotifier.SIGNATURE_HEADER));
            received.put("event", exchange.getRequestHeaders().getFirst(HttpBuyerNotifier.EVENT_HEADER));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
        return endpoint.getAddress().getPort();
    }

    private static BackorderNotice notice(String url) {
        return new BackorderNotice(UUID.randomUUID(), BackorderId.random(), Sku.of("CP-502101"), 2, 7,
                BackorderStatus.FULFILLED, 77L, url, BackorderSecret.hash(SECRET), NOW);
    }
}
