package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.messaging.Outbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The queue server goes down: sales still answer, the replenishment waits in the outbox, and when
 * the queue server is back (empty, as a restarted in-memory server is) the event goes out.
 */
class QueueOutageTest {

    private static EmbeddedSqs queueServer = EmbeddedSqs.start();

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_SQS_ENDPOINT", queueServer.endpoint().toString());

    @AfterAll
    static void stopQueueServer() {
        queueServer.close();
    }

    @Test
    void sales_go_on_while_the_queue_is_down_and_the_replenishment_follows_when_it_is_back() {
        shop.setStock(TestShop.SKU, 1);
        int port = queueServer.port();
        queueServer.close();

        assertThat(shop.buy(TestShop.SKU, 1).status()).isEqualTo(201);
        var refused = shop.buy(TestShop.SKU, 1);
        assertThat(refused.status()).isEqualTo(409);
        String id = refused.json().get("replenishment").get("id").asString();

        var outbox = shop.shop().context().getBean(Outbox.class);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(outbox.pendingCount()).isEqualTo(1));
        assertThat(shop.get("/api/replenishments/" + id).json().get("status").asString()).isEqualTo("REQUESTED");

        queueServer = EmbeddedSqs.start(port);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shop.get("/api/replenishments/" + id).json().get("status").asString())
                        .isEqualTo("DELIVERED"));
        assertThat(outbox.pendingCount()).isZero();
        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(10);
    }
}
