package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.messaging.SqsQueues;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A factory that always fails: after the give-up bound the event is in dead_letter_queue and the replenishment FAILED. */
class DeadLetterTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_FACTORY_FAILURE_RATE", "1.0",
            "DONUT_FACTORY_GIVE_UP_AFTER", "3s");

    @Test
    void a_factory_that_always_fails_leads_to_the_dead_letter_queue_and_a_failed_replenishment() {
        shop.setStock(TestShop.SKU, 0);
        var refused = shop.buy(TestShop.SKU, 1);
        assertThat(refused.status()).isEqualTo(409);
        String replenishmentId = refused.json().get("replenishment").get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var replenishment = shop.get("/api/replenishments/" + replenishmentId).json();
            assertThat(replenishment.get("status").asString()).isEqualTo("FAILED");
            assertThat(replenishment.get("lastError").asString()).contains("503");
        });

        var context = shop.shop().context();
        var sqs = context.getBean(SqsClient.class);
        var queues = context.getBean(SqsQueues.class);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var dead = sqs.receiveMessage(r -> r.queueUrl(queues.deadLetterQueueUrl()).visibilityTimeout(0)
                    .maxNumberOfMessages(10)).messages();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).body()).contains(replenishmentId).contains("\"MessageAttributeProductId\":\"CP-502101\"");
        });
        assertThat(shop.factory().stats().ordersRefused()).as("tried again before giving up").isGreaterThan(1);
        assertThat(shop.stockOf(TestShop.SKU)).isZero();
    }
}
