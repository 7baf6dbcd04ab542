package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.donutstates.factory.simulator.FactorySettings;
import io.donutstates.factory.simulator.FactorySimulator;
import io.donutstates.factory.simulator.Faults;
import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.stock.Sku;
import io.donutstates.stock.StockMovement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole serverless path on one machine, as deployed: HTTP through a local API Gateway to the
 * sales function; the outbox relayed to stock_queue; the worker fed by a local event source mapping;
 * the legacy factory simulator calling back twice, as text/plain, through the gateway to the callback
 * function. The shelf goes up once.
 */
class EndToEndTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aSellOutIsRefilledByTheFactoryExactlyOnce() throws Exception {
        var faults = Faults.DEFAULT.withDelay(Duration.ofMillis(200)).withDuplicateCallbacks(true)
                .withCallbackContentType(Faults.TEXT_PLAIN);
        try (var factory = FactorySimulator.start(FactorySettings.defaults().withPort(0).withFaults(faults)
                .withCallbackRetryBackoff(List.of(Duration.ofMillis(100))));
             var holder = new GatewayHolder()) {
            var shop = holder.start(factory.baseUrl());
            var worker = new StockWorkerHandler(shop.shop);
            var jobs = new ScheduledJobsHandler(shop.shop);
            var esm = new LocalEventSourceMapping(Infra.sqs(), shop.queues.stockQueueUrl());

            // The legacy client empties the shelf: 3 sold, the 4th is told production was requested.
            for (int i = 0; i < 3; i++) {
                assertThat(send()).contains("판매완료");
            }
            assertThat(send()).contains("재고부족, 제품 생산 요청!");
            assertThat(shop.stockOf("CP-502101")).isZero();

            // The schedule relays whatever the sale left in the outbox (the 409 path already relayed).
            jobs.handleRequest(Events.load(ScheduledEvent.class, "scheduled-event.json"), new FakeContext("ScheduledJobsFunction"));
            var poll = esm.pollOnce(event -> worker.handleRequest(event, new FakeContext("StockWorkerFunction")), 2);
            assertThat(poll.received()).hasSize(1);
            assertThat(poll.failedIds()).isEmpty();

            await().atMost(Duration.ofSeconds(10)).until(() -> shop.stockOf("CP-502101") == 10);
            await().atMost(Duration.ofSeconds(5)).until(() -> factory.stats().callbacksSent() >= 2);
            assertThat(shop.stockOf("CP-502101")).as("two callbacks, one delivery").isEqualTo(10);
            assertThat(shop.replenishmentsOf("CP-502101").get(0).status()).isEqualTo(ReplenishmentStatus.DELIVERED);
            assertThat(shop.shop.ledger().history(Sku.of("CP-502101"), 20))
                    .filteredOn(m -> m.reason() == StockMovement.Reason.DELIVERY).singleElement()
                    .satisfies(m -> assertThat(m.change()).isEqualTo(10));
            assertThat(send()).contains("판매완료");
        }
    }

    private String send() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Events.tree("http-post-send.json").get("body").asString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String gatewayUrl;

    /** The gateway must exist before the shop (whose DONUT_PUBLIC_URL it is) and route to it after. */
    private final class GatewayHolder implements AutoCloseable {
        private ShopUnderTest shop;
        private LocalApiGateway gateway;

        ShopUnderTest start(String factoryUrl) {
            gateway = new LocalApiGateway(
                    (event, ignored) -> new SalesApiHandler(shop.shop).handleRequest(event, new FakeContext("SalesApiFunction")),
                    (event, ignored) -> new FactoryCallbackHandler(shop.shop).handleRequest(event, new FakeContext("FactoryCallbackFunction")));
            gatewayUrl = gateway.url();
            shop = ShopUnderTest.start("DONUT_FACTORY_URL", factoryUrl, "DONUT_PUBLIC_URL", gateway.url());
            return shop;
        }

        @Override
        public void close() {
            if (gateway != null) {
                gateway.close();
            }
            if (shop != null) {
                shop.close();
            }
        }
    }
}
