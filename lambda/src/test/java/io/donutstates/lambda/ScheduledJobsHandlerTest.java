package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.donutstates.messaging.StockEventJson;
import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.replenishment.StockEvent;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The EventBridge-scheduled jobs: outbox relay, stuck-replenishment sweep and housekeeping. */
class ScheduledJobsHandlerTest {

    @Test
    void theScheduledRelayPublishesEveryOutboxRowToStockQueue() {
        // The sales handler's immediate relay is off: the outbox alone must carry the events.
        try (var shop = ShopUnderTest.start("DONUT_RELAY_ON_SHORTAGE", "false")) {
            var scheduled = Events.load(ScheduledEvent.class, "scheduled-event.json");
            assertThat(scheduled.getDetailType()).isEqualTo("Scheduled Event");
            for (String sku : List.of("CP-502101", "CP-502102", "CP-502103")) {
                assertThat(shop.shop.selling().sell(Purchase.of(sku, 100))).isInstanceOf(SaleResult.OutOfStock.class);
            }
            assertThat(shop.shop.outbox().pendingCount()).isEqualTo(3);
            assertThat(shop.receive(shop.queues.stockQueueUrl(), 0, 0)).isEmpty();

            Map<String, Object> summary = new ScheduledJobsHandler(shop.shop)
                    .handleRequest(scheduled, new FakeContext("ScheduledJobsFunction"));

            assertThat(summary).containsEntry("relayed", 3).containsEntry("pending", 0L);
            assertThat(shop.shop.outbox().pendingCount()).isZero();
            List<Message> queued = shop.receive(shop.queues.stockQueueUrl(), 30, 1);
            assertThat(queued).hasSize(3);
            assertThat(queued).extracting(m -> StockEventJson.decode(m.body()))
                    .extracting(e -> e.sku().value())
                    .containsExactlyInAnyOrder("CP-502101", "CP-502102", "CP-502103");
            assertThat(queued.get(0).messageAttributes()).isEmpty(); // not asked for; the body carries the event

            var again = new ScheduledJobsHandler(shop.shop).handleRequest(scheduled, new FakeContext("ScheduledJobsFunction"));
            assertThat(again).containsEntry("relayed", 0);
        }
    }

    @Test
    void theSweepSendsAnIdleRequestAgain() {
        try (var shop = ShopUnderTest.start("DONUT_RELAY_ON_SHORTAGE", "false", "DONUT_REPLENISHMENT_REQUEUE_AFTER", "10m")) {
            var result = (SaleResult.OutOfStock) shop.shop.selling().sell(Purchase.of("CP-502104", 100));
            var handler = new ScheduledJobsHandler(shop.shop);
            var scheduled = Events.load(ScheduledEvent.class, "scheduled-event.json");
            assertThat(handler.handleRequest(scheduled, new FakeContext("ScheduledJobsFunction")))
                    .containsEntry("relayed", 1).containsEntry("swept", 0);
            assertThat(shop.receive(shop.queues.stockQueueUrl(), 30, 1)).hasSize(1); // then lost, say
            // Nobody ordered it for longer than DONUT_REPLENISHMENT_REQUEUE_AFTER.
            shop.jdbc().sql("UPDATE replenishment SET requested_at = requested_at - INTERVAL 1 HOUR").update();

            Map<String, Object> summary = handler.handleRequest(scheduled, new FakeContext("ScheduledJobsFunction"));

            assertThat(summary).containsEntry("swept", 1).containsEntry("relayed", 1);
            List<StockEvent> resent = shop.receive(shop.queues.stockQueueUrl(), 30, 1).stream()
                    .map(m -> StockEventJson.decode(m.body())).toList();
            assertThat(resent).singleElement()
                    .satisfies(e -> assertThat(e.replenishmentId()).isEqualTo(result.replenishment().id()));
            assertThat(shop.shop.replenishments().find(result.replenishment().id()).orElseThrow().status())
                    .isEqualTo(ReplenishmentStatus.REQUESTED);
        }
    }

    @Test
    void theScheduledJobsPurgeEventsPublishedLongerAgoThanTheRetention() {
        try (var shop = ShopUnderTest.start("DONUT_RELAY_ON_SHORTAGE", "false")) {
            var scheduled = Events.load(ScheduledEvent.class, "scheduled-event.json");
            assertThat(shop.shop.selling().sell(Purchase.of("CP-502101", 100))).isInstanceOf(SaleResult.OutOfStock.class);
            var handler = new ScheduledJobsHandler(shop.shop);
            assertThat(handler.handleRequest(scheduled, new FakeContext("ScheduledJobsFunction")))
                    .containsEntry("relayed", 1).containsEntry("purged", 0);
            // Published two days ago, past the default retention of a day.
            shop.jdbc().sql("UPDATE outbox_event SET published_at = published_at - INTERVAL 2 DAY").update();
            shop.jdbc().sql("UPDATE replenishment SET status = 'FAILED', open_sku = NULL").update();

            assertThat(handler.handleRequest(scheduled, new FakeContext("ScheduledJobsFunction")))
                    .containsEntry("purged", 1);
            assertThat(shop.jdbc().sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single()).isZero();
        }
    }
}
