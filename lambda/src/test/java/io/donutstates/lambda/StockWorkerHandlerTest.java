package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.alerting.Alert;
import io.donutstates.factory.simulator.FactorySettings;
import io.donutstates.factory.simulator.FactorySimulator;
import io.donutstates.factory.simulator.Faults;
import io.donutstates.messaging.StockEventJson;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.ReplenishmentStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The stock worker on a real queue, with the legacy factory simulator: FF-500300 works, FF-500293
 * refuses every order (failureRate 1.0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockWorkerHandlerTest {

    private FactorySimulator working;
    private FactorySimulator failing;

    @BeforeAll
    void startFactories() {
        var quiet = FactorySettings.defaults().withPort(0).withCallbackRetryBackoff(List.of());
        working = FactorySimulator.start(quiet.withFaults(Faults.DEFAULT.withDropCallbacks(true)));
        failing = FactorySimulator.start(quiet.withFaults(Faults.DEFAULT.withFailureRate(1.0)));
    }

    @AfterAll
    void stopFactories() {
        working.close();
        failing.close();
    }

    private ShopUnderTest shop(String... overrides) {
        String[] settings = new String[overrides.length + 2];
        settings[0] = "DONUT_FACTORY_URL";
        settings[1] = working.baseUrl();
        System.arraycopy(overrides, 0, settings, 2, overrides.length);
        var shop = ShopUnderTest.start(settings);
        shop.jdbc().sql("UPDATE factory SET api_url = :url WHERE identifier = 'FF-500293'")
                .param("url", failing.baseUrl()).update();
        return shop;
    }

    /** A buyer finds the shelf empty; the sales handler's relay puts the event on stock_queue. */
    private static Replenishment sellOut(ShopUnderTest shop, String sku) {
        shop.jdbc().sql("UPDATE product_slot SET stock = 0 WHERE sku = :sku").param("sku", sku).update();
        var response = new SalesApiHandler(shop.shop).handleRequest(Events.http("http-post-sales.json", event -> {
            ((tools.jackson.databind.node.ObjectNode) event.get("headers")).remove("idempotency-key");
            event.put("body", "{\"sku\":\"" + sku + "\",\"quantity\":1}");
        }), new FakeContext("SalesApiFunction"));
        assertThat(response.getStatusCode()).isEqualTo(409);
        return shop.replenishmentsOf(sku).get(0);
    }

    @Test
    void aWorkingFactoryTakesTheOrderAndTheMessageIsDone() {
        try (var shop = shop()) {
            var replenishment = sellOut(shop, "CP-502103");
            var worker = new StockWorkerHandler(shop.shop);
            var esm = new LocalEventSourceMapping(Infra.sqs(), shop.queues.stockQueueUrl());

            var poll = esm.pollOnce(event -> worker.handleRequest(event, new FakeContext("StockWorkerFunction")), 2);

            assertThat(poll.received()).hasSize(1);
            assertThat(poll.response().getBatchItemFailures()).isEmpty();
            var ordered = shop.shop.replenishments().find(replenishment.id()).orElseThrow();
            assertThat(ordered.status()).isEqualTo(ReplenishmentStatus.ORDERED);
            var order = working.orders().stream().filter(o -> o.productId().equals("CP-502103")).findFirst().orElseThrow();
            assertThat(order.count()).isEqualTo(15);
            assertThat(order.factoryId()).isEqualTo("FF-500300");
            assertThat(order.callbackUrl()).startsWith(shop.env.get("DONUT_PUBLIC_URL")
                    + "/api/factory/callbacks/" + replenishment.id() + "?token=");
            assertThat(shop.receive(shop.queues.stockQueueUrl(), 1, 1)).as("deleted by the mapping").isEmpty();
        }
    }

    @Test
    void theWorkerContinuesTheTraceparentOfTheMessageAndHandsItToTheFactorysCallback() {
        String buyerTrace = "0af7651916cd43dd8448eb211c80319c";
        try (var shop = shop()) {
            shop.jdbc().sql("UPDATE product_slot SET stock = 0 WHERE sku = 'CP-502104'").update();
            var response = new SalesApiHandler(shop.shop).handleRequest(Events.http("http-post-sales.json", event -> {
                var headers = (tools.jackson.databind.node.ObjectNode) event.get("headers");
                headers.remove("idempotency-key");
                headers.put("traceparent", "00-" + buyerTrace + "-b7ad6b7169203331-01");
                event.put("body", "{\"sku\":\"CP-502104\",\"quantity\":1}");
            }), new FakeContext("SalesApiFunction"));
            assertThat(response.getStatusCode()).isEqualTo(409);
            var worker = new StockWorkerHandler(shop.shop);
            var esm = new LocalEventSourceMapping(Infra.sqs(), shop.queues.stockQueueUrl());

            var poll = esm.pollOnce(event -> worker.handleRequest(event, new FakeContext("StockWorkerFunction")), 2);

            assertThat(poll.received()).hasSize(1);
            assertThat(poll.received().get(0).messageAttributes().get("traceparent").stringValue())
                    .as("the relay publishes in the buyer's trace").startsWith("00-" + buyerTrace + "-");
            var order = working.orders().stream().filter(o -> o.productId().equals("CP-502104")).findFirst()
                    .orElseThrow();
            assertThat(order.callbackUrl()).as("the worker's factory call is in the buyer's trace, and so its callback")
                    .contains("&traceparent=00-" + buyerTrace + "-");
        }
    }

    @Test
    void aRefusedOrderLeavesTheOtherMessagesAloneAndComesBackAsAFreshDelayedCopy() {
        try (var shop = shop()) {
            var refused = sellOut(shop, "CP-502101");
            var taken = sellOut(shop, "CP-502104");
            var worker = new StockWorkerHandler(shop.shop);
            var esm = new LocalEventSourceMapping(Infra.sqs(), shop.queues.stockQueueUrl());
            await().atMost(Duration.ofSeconds(5)).until(() -> shop.queues.depth(shop.queues.stockQueueUrl()) == 2);

            var poll = esm.pollOnce(event -> worker.handleRequest(event, new FakeContext("StockWorkerFunction")), 2);

            assertThat(poll.received()).as("one batch, two messages").hasSize(2);
            Map<String, String> messageIdBySku = poll.received().stream().collect(Collectors.toMap(
                    m -> StockEventJson.decode(m.body()).sku().value(), Message::messageId));
            assertThat(poll.failedIds()).as("the refused one went back as a delayed copy").isEmpty();
            assertThat(shop.shop.replenishments().find(taken.id()).orElseThrow().status())
                    .isEqualTo(ReplenishmentStatus.ORDERED);
            var stillRequested = shop.shop.replenishments().find(refused.id()).orElseThrow();
            assertThat(stillRequested.status()).isEqualTo(ReplenishmentStatus.REQUESTED);
            assertThat(stillRequested.lastError()).contains("HTTP 503");
            assertThat(stillRequested.waitingForFactorySince()).isNotNull();

            // Only the refused order is back on stock_queue after its delay, as a new message whose
            // receive count starts afresh: a factory outage does not spend the redrive policy's receives.
            AtomicReference<List<Message>> back = new AtomicReference<>(List.of());
            await().atMost(Duration.ofSeconds(6)).until(() -> {
                back.set(shop.receive(shop.queues.stockQueueUrl(), 30, 1));
                return !back.get().isEmpty();
            });
            assertThat(back.get()).singleElement().satisfies(m -> {
                assertThat(StockEventJson.decode(m.body()).replenishmentId()).isEqualTo(refused.id());
                assertThat(m.messageId()).isNotEqualTo(messageIdBySku.get("CP-502101"));
                assertThat(m.attributes().get(
                        software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .isEqualTo("1");
            });
        }
    }

    @Test
    void aFactoryFailingPastTheGiveUpBoundFailsTheReplenishmentAlertsOnceAndDeadLettersTheMessage() {
        try (var shop = shop("DONUT_QUEUE_FIRST_RETRY_DELAY", "100ms", "DONUT_QUEUE_MAX_RETRY_DELAY", "100ms",
                "DONUT_FACTORY_GIVE_UP_AFTER", "2s")) {
            var refused = sellOut(shop, "CP-502101");
            var worker = new StockWorkerHandler(shop.shop);
            var esm = new LocalEventSourceMapping(Infra.sqs(), shop.queues.stockQueueUrl());

            // The mapping keeps polling; each refusal sends a delayed copy until the bound has passed.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                esm.pollOnce(event -> worker.handleRequest(event, new FakeContext("StockWorkerFunction")), 1);
                return shop.queues.depth(shop.queues.deadLetterQueueUrl()) == 1;
            });

            var failed = shop.shop.replenishments().find(refused.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(ReplenishmentStatus.FAILED);
            assertThat(Duration.between(failed.waitingForFactorySince(), failed.failedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(shop.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.kind()).isEqualTo(Alert.Kind.DEAD_LETTERED);
                assertThat(alert.replenishmentId()).isEqualTo(refused.id().toString());
                assertThat(alert.lastError()).contains("HTTP 503");
            });
            assertThat(shop.queues.depth(shop.queues.stockQueueUrl())).isZero();
        }
    }

    @Test
    void whileTheFactorysCircuitIsOpenMessagesAreParkedWithADelayInsteadOfBurningTheirReceives() {
        try (var shop = shop("DONUT_QUEUE_FIRST_RETRY_DELAY", "100ms", "DONUT_QUEUE_MAX_RETRY_DELAY", "100ms",
                "DONUT_FACTORY_CIRCUIT_OPEN_FOR", "2s")) {
            // Five products of the failing factory run short at once: five refusals open its circuit.
            for (int i = 1; i <= 3; i++) {
                shop.jdbc().sql("INSERT INTO product (sku, name, price, factory_id, reorder_quantity, reorder_point)"
                                + " SELECT :sku, :name, 1000, id, 5, 0 FROM factory WHERE identifier = 'FF-500293'")
                        .param("sku", "CP-60000" + i).param("name", "Test donut " + i).update();
                shop.jdbc().sql("INSERT INTO product_slot (sku, slot, stock) VALUES (:sku, 0, 0)")
                        .param("sku", "CP-60000" + i).update();
            }
            for (String sku : List.of("CP-502101", "CP-502102", "CP-600001", "CP-600002", "CP-600003")) {
                sellOut(shop, sku);
            }
            var worker = new StockWorkerHandler(shop.shop);
            var esm = new LocalEventSourceMapping(Infra.sqs(), shop.queues.stockQueueUrl());
            await().atMost(Duration.ofSeconds(5)).until(() -> shop.queues.depth(shop.queues.stockQueueUrl()) == 5);
            var refused = esm.pollOnce(event -> worker.handleRequest(event, new FakeContext("StockWorkerFunction")), 1);
            assertThat(refused.received()).hasSize(5);
            assertThat(refused.failedIds()).as("each refused order went back as a delayed copy").isEmpty();
            long callsBefore = failing.stats().ordersRefused();

            // They come back; the circuit is open, so the factory is not called and each is parked, not failed.
            AtomicReference<LocalEventSourceMapping.Poll> parked = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                parked.set(esm.pollOnce(event -> worker.handleRequest(event, new FakeContext("StockWorkerFunction")), 1));
                return !parked.get().received().isEmpty();
            });
            assertThat(parked.get().failedIds()).isEmpty();
            assertThat(failing.stats().ordersRefused()).isEqualTo(callsBefore);
            int parkedCount = parked.get().received().size();

            // The parked copies reappear after their delay, their receive count started afresh.
            List<Message> again = new java.util.concurrent.CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(8)).until(() -> {
                again.addAll(shop.receive(shop.queues.stockQueueUrl(), 30, 1));
                return again.size() >= parkedCount;
            });
            assertThat(again).hasSize(parkedCount).allSatisfy(m -> assertThat(m.attributes().get(
                    software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .isEqualTo("1"));
            assertThat(shop.queues.depth(shop.queues.deadLetterQueueUrl())).isZero();
            assertThat(shop.replenishmentsOf("CP-502101").get(0).status()).isEqualTo(ReplenishmentStatus.REQUESTED);
        }
    }
}
