package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.messaging.Outbox;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.Replenishments;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An instance claims a replenishment (lease {@code DONUT_REPLENISHMENT_ORDER_LEASE}) and dies
 * before the factory accepted the order. Another instance receives the message, finds the lease
 * held and answers "busy". Were the message simply retried, every receive would count towards
 * {@code DONUT_QUEUE_MAX_RECEIVE_COUNT} and it could reach {@code dead_letter_queue} before the
 * lease ran out, failing a replenishment no factory refused. Instead it is parked for a lease with a
 * fresh receive count: one factory order once the lease has expired.
 */
class ClaimLeftByDeadInstanceTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_REPLENISHMENT_ORDER_LEASE", "5s",
            "DONUT_QUEUE_MAX_RECEIVE_COUNT", "3",
            "DONUT_QUEUE_DEAD_LETTER_WATCH_INTERVAL", "1s");

    @Test
    void a_claim_left_by_a_dead_instance_is_ordered_once_its_lease_expires_not_dead_lettered() {
        var context = shop.shop().context();
        Replenishments replenishments = context.getBean(Replenishments.class);
        Outbox outbox = context.getBean(Outbox.class);
        Instant now = Instant.now();
        var replenishment = Replenishment.requested(ReplenishmentId.random(), new Sku(TestShop.SKU),
                new FactoryId("FF-500293"), Quantity.of(10), now);
        assertThat(replenishments.open(replenishment)).as("opened").isTrue();
        // What the dead instance did before it died: claim the replenishment for ordering ...
        assertThat(replenishments.claimForOrdering(replenishment.id(), now, now.plusSeconds(5))).isTrue();
        // ... and the event that went to the queue with the replenishment.
        outbox.append(replenishment.event(now));
        String id = replenishment.id().toString();

        JsonNode settled = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> shop.get("/api/replenishments/" + id).json(),
                        r -> Set.of("DELIVERED", "FAILED").contains(statusOf(r)));
        assertThat(statusOf(settled))
                .as("replenishment after its lease expired: %s; alerts %s; factory orders for it %d", settled,
                        shop.get("/api/ops/summary").json().get("alerts"),
                        shop.factory().orders().stream().filter(o -> o.callbackUrl().contains(id)).count())
                .isEqualTo("DELIVERED");
    }

    private static String statusOf(JsonNode replenishment) {
        JsonNode r = replenishment.has("replenishment") ? replenishment.get("replenishment") : replenishment;
        return r.get("status").asString();
    }
}
