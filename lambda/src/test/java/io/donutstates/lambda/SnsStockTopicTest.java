package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.donutstates.messaging.SnsStockTopic;
import io.donutstates.messaging.SqsClients;
import io.donutstates.messaging.StockEventJson;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SNS publisher of the AWS shape, against a local endpoint that checks what the SDK sends. */
class SnsStockTopicTest {

    private static final String TOPIC_ARN = "arn:aws:sns:ap-northeast-2:123456789012:donut-states-StockTopic-1A2B3C";

    @Test
    void publishNamesTheTopicAndCarriesTheEventAndItsLegacyAttributes() {
        try (var sns = new FakeSns(); var client = SqsClients.sns(Optional.of(sns.endpoint()), "ap-northeast-2")) {
            var replenishment = Replenishment.requested(ReplenishmentId.random(), Sku.of("CP-502101"),
                    new FactoryId("FF-500293"), Quantity.of(10), Instant.parse("2025-03-10T12:00:00Z"));
            var event = replenishment.event(Instant.parse("2025-03-10T12:00:01Z"));

            new SnsStockTopic(client, TOPIC_ARN).publish(event);

            assertThat(sns.published()).singleElement().satisfies(publish -> {
                assertThat(publish.action()).isEqualTo("Publish");
                assertThat(publish.topicArn()).isEqualTo(TOPIC_ARN);
                assertThat(publish.authorization()).as("signed with SigV4").startsWith("AWS4-HMAC-SHA256");
                assertThat(publish.subject()).isEqualTo("CP-502101 out of stock");
                assertThat(StockEventJson.decode(publish.message())).isEqualTo(event);
                assertThat(publish.attributes()).containsEntry("ProductId", new FakeSns.Attribute("String", "CP-502101"))
                        .containsEntry("FactoryId", new FakeSns.Attribute("String", "FF-500293"))
                        .containsEntry("ProductCnt", new FakeSns.Attribute("Number", "10"))
                        .containsEntry("ReplenishmentId", new FakeSns.Attribute("String", replenishment.id().toString()));
            });
        }
    }

    @Test
    void aPublishSnsRefusesThrowsSoTheRelayKeepsTheEvent() {
        try (var sns = new FakeSns(); var client = SqsClients.sns(Optional.of(sns.endpoint()), "ap-northeast-2")) {
            sns.down = true;
            var event = Replenishment.requested(ReplenishmentId.random(), Sku.of("CP-502101"), new FactoryId("FF-500293"),
                    Quantity.of(10), Instant.now()).event(Instant.now());

            assertThatThrownBy(() -> new SnsStockTopic(client, TOPIC_ARN).publish(event)).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void withATopicArnTheShopRelaysToSnsAndLosesNothingWhileSnsIsDown() {
        try (var sns = new FakeSns();
             var shop = ShopUnderTest.start("DONUT_SNS_TOPIC_ARN", TOPIC_ARN, "DONUT_SNS_ENDPOINT", sns.endpoint().toString(),
                     "DONUT_RELAY_ON_SHORTAGE", "false", "DONUT_OUTBOX_FIRST_RETRY_DELAY", "2s")) {
            var shortage = (SaleResult.OutOfStock) shop.shop.selling().sell(Purchase.of("CP-502101", 9));
            var jobs = new ScheduledJobsHandler(shop.shop);
            var scheduled = Events.load(ScheduledEvent.class, "scheduled-event.json");

            sns.down = true;
            assertThat(jobs.handleRequest(scheduled, new FakeContext("ScheduledJobsFunction")))
                    .containsEntry("relayed", 0).containsEntry("pending", 1L);
            sns.down = false;
            assertThat(jobs.handleRequest(scheduled, new FakeContext("ScheduledJobsFunction")))
                    .as("the refused event waits out its retry delay").containsEntry("relayed", 0);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(jobs.handleRequest(scheduled, new FakeContext("ScheduledJobsFunction")))
                            .containsEntry("relayed", 1).containsEntry("pending", 0L));

            assertThat(sns.published()).singleElement().satisfies(publish -> {
                assertThat(publish.topicArn()).isEqualTo(TOPIC_ARN);
                assertThat(StockEventJson.decode(publish.message()).replenishmentId())
                        .isEqualTo(shortage.replenishment().id());
            });
            assertThat(shop.receive(shop.queues.stockQueueUrl(), 0, 0)).as("SNS, not SQS, got it").isEmpty();
        }
    }
}
