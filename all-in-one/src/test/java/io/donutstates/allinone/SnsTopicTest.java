package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.donutstates.messaging.SnsStockTopic;
import io.donutstates.messaging.TracedStockTopic;
import io.donutstates.messaging.SqsClients;
import io.donutstates.messaging.StockTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import tools.jackson.databind.JsonNode;

/**
 * The AWS shape of the stock topic against an SNS API server (fauxqs): stock events go to an SNS
 * topic, which delivers them raw to {@code stock_queue}, and on to the factory and back on the
 * shelf; a topic that goes away leaves the event in the outbox, reported once and shown in health
 * and metrics, until the topic is back; a topic that cannot be reached at start refuses the start.
 */
class SnsTopicTest {

    private static final String TOPIC = "donut-stock";
    private static final String QUEUE_ARN = "arn:aws:sqs:" + Fauxqs.REGION + ":000000000000:stock_queue";
    private static final String SERVER_STATE = """
            {"queues": [{"name": "stock_queue"}, {"name": "dead_letter_queue"}, {"name": "backorder_watchers"}],
             "topics": [{"name": "%s"}],
             "subscriptions": [{"topic": "%s", "queue": "stock_queue",
                                "attributes": {"RawMessageDelivery": "true"}}]}
            """.formatted(TOPIC, TOPIC);
    private static final String WATCHERS_ARN = "arn:aws:sqs:" + Fauxqs.REGION + ":000000000000:backorder_watchers";

    private static Fauxqs server;
    private static SnsClient sns;

    @RegisterExtension
    static final TestShop shop = TestShop.lazily(() -> TestShop.withDefaults(
            "DONUT_SQS_ENDPOINT", server.endpoint().toString(),
            "DONUT_SNS_ENDPOINT", server.endpoint().toString(),
            "DONUT_SNS_TOPIC_ARN", Fauxqs.topicArn(TOPIC),
            "DONUT_OUTBOX_FIRST_RETRY_DELAY", "100ms",
            "DONUT_OUTBOX_MAX_RETRY_DELAY", "400ms",
            "DONUT_OUTBOX_STUCK_AFTER", "2s",
            // A publish between the topic's re-creation and its subscription reaches no queue (as on
            // AWS); the sweep sends such a lost request again.
            "DONUT_REPLENISHMENT_REQUEUE_AFTER", "10s"));

    @BeforeAll
    static void startSnsServer() {
        server = Fauxqs.start(SERVER_STATE);
        sns = SqsClients.sns(Optional.of(server.endpoint()), Fauxqs.REGION);
    }

    @AfterAll
    static void stopSnsServer() {
        if (sns != null) {
            sns.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_sold_out_shelf_is_restocked_through_the_sns_topic_and_stock_queue() {
        var topic = shop.shop().context().getBean(StockTopic.class);
        assertThat(topic instanceof TracedStockTopic traced ? traced.untraced() : topic).isInstanceOf(SnsStockTopic.class);
        shop.setStock(TestShop.SKU, 1);

        assertThat(shop.buy(TestShop.SKU, 1).status()).isEqualTo(201);
        var refused = shop.buy(TestShop.SKU, 1);
        assertThat(refused.status()).isEqualTo(409);
        String id = refused.json().get("replenishment").get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shop.get("/api/replenishments/" + id).json().get("status").asString())
                        .isEqualTo("DELIVERED"));
        assertThat(shop.factory().orders()).as("the factory got the order the topic carried")
                .anyMatch(order -> order.productId().equals(TestShop.SKU) && order.callbackUrl().contains(id));
        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(10);
    }

    @Test
    void a_delivery_that_serves_a_backorder_tells_the_topic_s_other_subscribers() {
        String sku = "CP-502104";
        // Another subscriber of the topic (another test may have re-created the topic since start-up).
        String topicArn = sns.createTopic(r -> r.name(TOPIC)).topicArn();
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(WATCHERS_ARN)
                .attributes(Map.of("RawMessageDelivery", "true")));
        shop.setStock(sku, 0);
        var waiting = shop.post("/api/sales", "{\"sku\":\"" + sku + "\",\"quantity\":2,\"backorder\":true}");
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(202);
        String backorderId = waiting.json().get("backorder").get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shop.get("/api/backorders/" + backorderId).json().get("status").asString())
                        .isEqualTo("FULFILLED"));
        long saleId = shop.get("/api/backorders/" + backorderId).json().get("saleId").asLong();

        try (var sqs = SqsClients.sqs(Optional.of(server.endpoint()), Fauxqs.REGION)) {
            String watchers = sqs.getQueueUrl(r -> r.queueName("backorder_watchers")).queueUrl();
            List<String> bodies = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                sqs.receiveMessage(r -> r.queueUrl(watchers).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages().forEach(m -> bodies.add(m.body()));
                assertThat(bodies).anySatisfy(body -> assertThat(body)
                        .contains("\"type\":\"BackorderFulfilled\"", "\"backorderId\":\"" + backorderId + "\"",
                                "\"saleId\":" + saleId, "\"sku\":\"" + sku + "\""));
            });
        }
        assertThat(shop.stockOf(sku)).as("the rest of the delivery is on the shelf").isEqualTo(8);
    }

    @Test
    void events_wait_while_the_topic_is_gone_with_one_alert_and_the_outbox_down_then_go_out_when_it_is_back() {
        String sku = "CP-502103";
        shop.start(); // with the topic there: without it the shop would refuse to start
        sns.deleteTopic(r -> r.topicArn(Fauxqs.topicArn(TOPIC)));
        try {
            shop.setStock(sku, 1);
            assertThat(shop.buy(sku, 1).status()).isEqualTo(201);
            var refused = shop.buy(sku, 1);
            assertThat(refused.status()).isEqualTo(409);
            String id = refused.json().get("replenishment").get("id").asString();

            JsonNode outbox = await("the outbox is reported stuck").atMost(Duration.ofSeconds(20))
                    .until(SnsTopicTest::outboxHealth, health -> "DEGRADED".equals(health.get("status").asString()));
            assertThat(outbox.get("details").get("pending").asString()).isEqualTo("1");
            assertThat(outbox.get("details").get("oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(outbox.get("details").get("lastError").asString()).containsIgnoringCase("topic");
            await("one alert for the incident").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(outboxAlerts()).hasSize(1));
            JsonNode alert = outboxAlerts().get(0);
            assertThat(alert.get("sku").asString()).isEqualTo(sku);
            assertThat(alert.get("replenishmentId").asString()).isEqualTo(id);
            assertThat(alert.get("lastError").asString()).containsIgnoringCase("topic");
            String metrics = shop.metrics();
            assertThat(metrics).containsPattern("(?m)^donut_outbox_pending(\\{[^}]*\\})? 1\\.0$")
                    .containsPattern("(?m)^donut_outbox_oldest_age_seconds(\\{[^}]*\\})? [2-9]");
            assertThat(shop.get("/api/replenishments/" + id).json().get("status").asString()).isEqualTo("REQUESTED");

            recreateTopic();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(shop.get("/api/replenishments/" + id).json().get("status").asString())
                            .isEqualTo("DELIVERED"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode healthy = outboxHealth();
                assertThat(healthy.get("status").asString()).isEqualTo("UP");
                assertThat(healthy.get("details").get("pending").asString()).isEqualTo("0");
            });
            assertThat(outboxAlerts()).as("still the one alert").hasSize(1);
        } finally {
            recreateTopic();
        }
    }

    @Test
    void a_topic_that_does_not_exist_refuses_the_start_in_one_line_naming_the_setting() {
        String missing = Fauxqs.topicArn("no-such-topic");

        assertThatThrownBy(() -> AllInOne.start(environment(Map.of(
                "DONUT_SQS_ENDPOINT", server.endpoint().toString(),
                "DONUT_SNS_ENDPOINT", server.endpoint().toString(),
                "DONUT_SNS_TOPIC_ARN", missing))))
                .hasMessage("DONUT_SNS_TOPIC_ARN names no topic that SNS at " + server.endpoint()
                        + " (DONUT_SNS_ENDPOINT) knows: " + missing);
    }

    @Test
    void an_sns_endpoint_that_cannot_be_reached_refuses_the_start_in_one_line_naming_the_setting() throws Exception {
        String nobody = "http://127.0.0.1:" + ChildProcesses.freePorts(1).get(0);

        assertThatThrownBy(() -> AllInOne.start(environment(Map.of(
                "DONUT_SQS_ENDPOINT", server.endpoint().toString(),
                "DONUT_SNS_ENDPOINT", nobody,
                "DONUT_SNS_TOPIC_ARN", Fauxqs.topicArn(TOPIC)))))
                .hasMessageStartingWith("SNS at " + nobody + " (DONUT_SNS_ENDPOINT) cannot be reached to check "
                        + "DONUT_SNS_TOPIC_ARN " + Fauxqs.topicArn(TOPIC) + ": ")
                .hasMessageNotContaining("\n");
    }

    private static Map<String, String> environment(Map<String, String> settings) {
        return ShopThatShouldNotStart.environment(settings);
    }

    private static void recreateTopic() {
        String arn = sns.createTopic(r -> r.name(TOPIC)).topicArn();
        boolean subscribed = sns.listSubscriptionsByTopic(r -> r.topicArn(arn)).subscriptions().stream()
                .anyMatch(s -> QUEUE_ARN.equals(s.endpoint()));
        if (!subscribed) {
            sns.subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint(QUEUE_ARN)
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
    }

    private static JsonNode outboxHealth() {
        return shop.get("/actuator/health", "Authorization", "Bearer test-admin-token").json().get("components").get("outbox");
    }

    private static List<JsonNode> outboxAlerts() {
        return StreamSupport.stream(shop.get("/api/ops/summary").json().get("alerts").spliterator(), false)
                .filter(alert -> "OUTBOX_STUCK".equals(alert.get("kind").asString())).toList();
    }
}
