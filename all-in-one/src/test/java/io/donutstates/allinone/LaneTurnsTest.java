package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.sales.Checkout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Combined mode with fewer lane workers than busy products: one worker, batches of one, and three
 * products whose queues never empty while the crowd lasts. Every product is sold during the crowd,
 * not only after it: a busy lane gives its worker up after a turn of batches.
 */
class LaneTurnsTest {

    private static final List<String> SKUS = List.of("CP-502102", "CP-502103", "CP-502104");
    private static final int BUYERS_PER_PRODUCT = 30;
    private static final Duration CROWD = Duration.ofSeconds(3);

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_FACTORY_DELAY", "10m", "DONUT_SALES_MODE", "combined",
            "DONUT_SALES_LANE_WORKERS", "1", "DONUT_SALES_MAX_BATCH", "1");

    @Test
    void with_one_lane_worker_busy_products_take_turns() throws InterruptedException {
        assertThat(shop.start().shop().context().getBean(Checkout.class))
                .as("the settings reached the checkout").extracting("maxBatch", "workers.maximumPoolSize")
                .containsExactly(1, 1);
        SKUS.forEach(sku -> shop.setStock(sku, 100_000));
        Map<String, AtomicInteger> soldDuringCrowd = new ConcurrentHashMap<>();
        SKUS.forEach(sku -> soldDuringCrowd.put(sku, new AtomicInteger()));
        long crowdEnds = System.nanoTime() + CROWD.toNanos();

        ExecutorService buyers = Executors.newFixedThreadPool(SKUS.size() * BUYERS_PER_PRODUCT);
        for (String sku : SKUS) {
            for (int i = 0; i < BUYERS_PER_PRODUCT; i++) {
                buyers.submit(() -> {
                    while (System.nanoTime() < crowdEnds) {
                        var answer = shop.buy(sku, 1);
                        if (answer.status() == 201 && System.nanoTime() < crowdEnds) {
                            soldDuringCrowd.get(sku).incrementAndGet();
                        }
                    }
                });
            }
        }
        buyers.shutdown();
        assertThat(buyers.awaitTermination(2, TimeUnit.MINUTES)).as("every buyer was answered").isTrue();

        assertThat(soldDuringCrowd).allSatisfy((sku, sold) ->
                assertThat(sold.get()).as("sales of %s while all three were busy", sku).isGreaterThanOrEqualTo(10));
        assertThat(shop.invariants().get("holds").asBoolean()).isTrue();
    }
}
