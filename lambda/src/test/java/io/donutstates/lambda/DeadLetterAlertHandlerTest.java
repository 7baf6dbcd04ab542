package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.donutstates.alerting.Alert;
import io.donutstates.messaging.StockEventJson;
import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The scheduled look at dead_letter_queue: fail the replenishment, tell ops once, keep the message. */
class DeadLetterAlertHandlerTest {

    private static final String OPS_TOPIC = "arn:aws:sns:ap-northeast-2:123456789012:donut-states-OpsTopic-9Z8Y7X";

    @Test
    void aDeadLetterFailsItsReplenishmentAndAlertsOpsOnceWhileTheQueueKeepsIt() {
        try (var webhook = new WebhookReceiver(); var sns = new FakeSns();
             var shop = ShopUnderTest.start("DONUT_ALERT_WEBHOOK_URL", webhook.url("/services/T000/B000/XXXX"),
                     "DONUT_ALERT_TOPIC_ARN", OPS_TOPIC, "DONUT_SNS_ENDPOINT", sns.endpoint().toString())) {
            var shortage = (SaleResult.OutOfStock) shop.shop.selling().sell(Purchase.of("CP-502101", 5));
            var replenishment = shortage.replenishment();
            // What SQS's redrive leaves in dead_letter_queue after maxReceiveCount failed receives.
            String dlq = shop.queues.deadLetterQueueUrl();
            Infra.sqs().sendMessage(r -> r.queueUrl(dlq).messageBody(StockEventJson.encode(replenishment.event(Instant.now()))));
            Infra.sqs().sendMessage(r -> r.queueUrl(dlq).messageBody("{\"not\":\"a stock event\"}"));
            var handler = new DeadLetterAlertHandler(shop.shop);
            var scheduled = Events.load(ScheduledEvent.class, "scheduled-event.json");

            Map<String, Object> first = handler.handleRequest(scheduled, new FakeContext("DeadLetterAlertFunction"));
            Map<String, Object> second = handler.handleRequest(scheduled, new FakeContext("DeadLetterAlertFunction"));

            assertThat(first).containsEntry("seen", 2).containsEntry("failedNow", 1).containsEntry("unreadable", 1)
                    .containsEntry("alertsSent", 2);
            assertThat(second).containsEntry("seen", 2).containsEntry("failedNow", 0).containsEntry("alreadyClosed", 1)
                    .containsEntry("alertsSent", 0);
            var failed = shop.shop.replenishments().find(replenishment.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(ReplenishmentStatus.FAILED);
            assertThat(failed.lastError()).contains("dead_letter_queue");
            assertThat(shop.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.kind()).isEqualTo(Alert.Kind.DEAD_LETTERED);
                assertThat(alert.replenishmentId()).isEqualTo(replenishment.id().toString());
                assertThat(alert.sku()).isEqualTo("CP-502101");
            });
            // Once to the Slack-compatible webhook...
            assertThat(webhook.received()).singleElement().satisfies(post -> {
                assertThat(post.method()).isEqualTo("POST");
                assertThat(post.contentType()).isEqualTo("application/json");
                var body = Events.JSON.readTree(post.body());
                assertThat(body.get("text").asString()).contains("CP-502101").contains("dead-lettered");
                assertThat(body.get("alert").get("kind").asString()).isEqualTo("DEAD_LETTERED");
            });
            // ...and once to the ops topic that e-mails the team.
            assertThat(sns.published()).singleElement().satisfies(publish -> {
                assertThat(publish.topicArn()).isEqualTo(OPS_TOPIC);
                assertThat(publish.subject()).isEqualTo("Donut-States DEAD_LETTERED CP-502101");
                assertThat(publish.message()).contains(replenishment.id().toString());
            });
            // Peeked, not consumed: both messages are still there and visible for ops (and the alarm).
            var attributes = Infra.sqs().getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes();
            assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("2");
            // The product can be replenished again: the failed request no longer blocks a new one.
            var next = (SaleResult.OutOfStock) shop.shop.selling().sell(Purchase.of("CP-502101", 5));
            assertThat(next.replenishment().id()).isNotEqualTo(replenishment.id());
        }
    }
}
