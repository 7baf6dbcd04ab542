package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Stock slots while buyers keep buying, one transaction per purchase: the number of slots changes
 * under a crowd without losing or inventing a donut, and a delivery that lands during a crowd is
 * spread over the slots and sold to the buyers still waiting.
 */
class StockSlotsTest {

    private static final String ADMIN = "Bearer test-admin-token";

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_SALES_MODE", "plain");

    private static final ExecutorService buyers = Executors.newFixedThreadPool(40);

    @AfterAll
    static void stopBuyers() {
        buyers.shutdownNow();
    }

    @Test
    void the_number_of_slots_changes_during_a_crowd_without_losing_or_inventing_a_donut() throws Exception {
        assertThat(shop.setSlots("CP-502103", 8).status()).isEqualTo(200);
        shop.setStock("CP-502103", 2_000);
        var crowd = CompletableFuture.supplyAsync(() -> Crowd.run(40, 1_200, n -> shop.buy("CP-502103", 1 + n % 2)));

        List<Integer> slotsSeen = new ArrayList<>();
        for (int slots : new int[] {3, 16, 1, 32, 5}) {
            var changed = shop.setSlots("CP-502103", slots);
            assertThat(changed.status()).isEqualTo(200);
            slotsSeen.add(changed.json().get("slots").asInt());
        }
        var answers = crowd.get(2, TimeUnit.MINUTES);

        int sold = answers.stream().filter(a -> a.status() == 201).mapToInt(a -> a.json().get("quantity").asInt()).sum();
        assertThat(slotsSeen).containsExactly(3, 16, 1, 32, 5);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(sold + shop.stockOf("CP-502103")).as("sold and left add up to what was counted").isEqualTo(2_000);
        assertThat(shop.invariants().get("holds").asBoolean()).isTrue();
    }

    @Test
    void a_delivery_during_a_crowd_is_spread_over_the_slots_and_sold_to_the_buyers_still_there() throws Exception {
        assertThat(shop.put("/api/admin/products/CP-502102/policy",
                "{\"reorderQuantity\":300,\"reorderPoint\":0,\"slots\":8}", "Authorization", ADMIN).status())
                .isEqualTo(200);
        shop.setStock("CP-502102", 50);
        AtomicInteger refusedBeforeTheirTurn = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<CompletableFuture<Integer>> each = new ArrayList<>();
        for (int buyer = 0; buyer < 20; buyer++) {
            // Each buyer wants 15 donuts, one at a time, and keeps asking until it has them.
            each.add(CompletableFuture.supplyAsync(() -> {
                int got = 0;
                while (got < 15 && System.nanoTime() < deadline) {
                    var answer = shop.buy("CP-502102", 1);
                    if (answer.status() == 201) {
                        got++;
                    } else {
                        assertThat(answer.status()).isEqualTo(409);
                        refusedBeforeTheirTurn.incrementAndGet();
                    }
                }
                return got;
            }, buyers));
        }
        int sold = 0;
        for (var buyer : each) {
            sold += buyer.get(2, TimeUnit.MINUTES);
        }

        JsonNode replenishments = shop.replenishments("CP-502102");
        int delivered = 0;
        for (JsonNode r : replenishments) {
            delivered += r.path("deliveredQuantity").asInt(0);
        }
        assertThat(sold).as("every buyer got its 15 once the delivery came").isEqualTo(300);
        assertThat(refusedBeforeTheirTurn.get()).as("buyers were refused while the shelf was empty").isPositive();
        assertThat(delivered).isGreaterThanOrEqualTo(300);
        assertThat(shop.stockOf("CP-502102")).isEqualTo(50 + delivered - 300);
        var ledger = shop.get("/api/products/CP-502102/ledger?limit=500").json();
        List<Integer> deliveredToSlots = new ArrayList<>();
        for (JsonNode line : ledger) {
            if (line.get("reason").asString().equals("DELIVERY")) {
                deliveredToSlots.add(line.get("slot").asInt());
            }
        }
        assertThat(deliveredToSlots).as("the delivery went to several slots").hasSizeGreaterThan(1);
        assertThat(shop.invariants().get("holds").asBoolean()).isTrue();
    }
}
