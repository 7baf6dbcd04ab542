package io.donutstates.sales;

import static io.donutstates.stock.Products.aProductWithStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The combined checkout with lane workers the test runs by hand: buyers are queued from the test's
 * thread, so which buyers share a batch, and when each is answered, is decided by the test alone.
 */
class CombinedCheckoutTest {

    private final AShop shop = new AShop()
            .with(aProductWithStock("CP-1", 100))
            .with(aProductWithStock("CP-2", 100))
            .with(aProductWithStock("CP-3", 100));
    private final HandSteppedWorkers workers = new HandSteppedWorkers();

    private CombinedCheckout checkout(int maxBatch) {
        return new CombinedCheckout(shop.sellingInBatches(), maxBatch, workers);
    }

    private static List<CompletableFuture<SaleResult>> buyers(CombinedCheckout checkout, String sku, int count) {
        List<CompletableFuture<SaleResult>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(checkout.queue(Purchase.of(sku, 1)));
        }
        return answers;
    }

    @Test
    void buyers_of_one_product_who_arrive_together_share_one_transaction() {
        var checkout = checkout(50);
        var answers = buyers(checkout, "CP-1", 5);

        assertThat(workers.waitingTasks()).as("one worker for the lane").isEqualTo(1);
        workers.runAll();

        assertThat(shop.transactions.committed()).isEqualTo(1);
        assertThat(shop.stock.locked()).hasSize(1);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isInstanceOf(SaleResult.Sold.class));
        assertThat(shop.stock.stockOf("CP-1")).isEqualTo(95);
    }

    @Test
    void a_buyer_is_answered_only_once_the_batch_committed() {
        var checkout = checkout(50);
        var answers = buyers(checkout, "CP-1", 3);

        assertThat(answers).noneMatch(CompletableFuture::isDone);
        assertThat(shop.sales.recorded()).isEmpty();

        workers.runNext();

        assertThat(answers).allMatch(CompletableFuture::isDone);
        assertThat(shop.sales.recorded()).hasSize(3);
    }

    @Test
    void each_product_has_a_lane_and_a_transaction_of_its_own() {
        var checkout = checkout(50);
        buyers(checkout, "CP-1", 3);
        buyers(checkout, "CP-2", 2);

        assertThat(workers.waitingTasks()).isEqualTo(2);
        workers.runAll();

        assertThat(shop.transactions.committed()).isEqualTo(2);
        assertThat(shop.stock.stockOf("CP-1")).isEqualTo(97);
        assertThat(shop.stock.stockOf("CP-2")).isEqualTo(98);
    }

    @Test
    void a_batch_takes_at_most_max_batch_buyers_oldest_first() {
        shop.with(aProductWithStock("CP-1", 4));
        var checkout = checkout(3);
        var answers = buyers(checkout, "CP-1", 7);

        workers.runNext();

        assertThat(shop.transactions.committed()).as("batches of 3, 3 and 1").isEqualTo(3);
        assertThat(answers.subList(0, 4)).allSatisfy(a -> assertThat(a.join()).isInstanceOf(SaleResult.Sold.class));
        assertThat(answers.subList(4, 7)).allSatisfy(a -> assertThat(a.join()).isInstanceOf(SaleResult.OutOfStock.class));
    }

    @Test
    void a_failing_batch_answers_every_buyer_in_it_and_the_lane_goes_on() {
        var checkout = checkout(50);
        shop.sales.failNextWith(new IllegalStateException("database went away"));
        var failed = buyers(checkout, "CP-1", 4);
        workers.runAll();

        var later = buyers(checkout, "CP-1", 2);
        workers.runAll();

        assertThat(failed).allSatisfy(answer -> assertThatThrownBy(answer::join)
                .isInstanceOf(CompletionException.class).hasRootCauseMessage("database went away"));
        assertThat(later).allSatisfy(answer -> assertThat(answer.join()).isInstanceOf(SaleResult.Sold.class));
        assertThat(shop.stock.stockOf("CP-1")).as("the failed batch took nothing").isEqualTo(98);
        assertThat(shop.transactions.rolledBack()).isEqualTo(1);
    }

    @Test
    void nothing_is_sold_twice_when_the_crowd_outnumbers_the_donuts() {
        shop.with(aProductWithStock("CP-1", 10));
        var checkout = checkout(4);
        var answers = buyers(checkout, "CP-1", 30);
        workers.runAll();

        var results = answers.stream().map(CompletableFuture::join).toList();
        var sold = results.stream().filter(SaleResult.Sold.class::isInstance).map(SaleResult.Sold.class::cast).toList();
        var refused = results.stream().filter(SaleResult.OutOfStock.class::isInstance)
                .map(SaleResult.OutOfStock.class::cast).toList();

        assertThat(sold).hasSize(10);
        assertThat(sold).extracting(SaleResult.Sold::saleId).doesNotHaveDuplicates();
        assertThat(sold).extracting(SaleResult.Sold::remainingStock).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(refused).hasSize(20).extracting(r -> r.replenishment().id()).containsOnly(
                shop.openReplenishment("CP-1").id());
        assertThat(shop.stock.stockOf("CP-1")).isZero();
        assertThat(shop.sales.donutsSold("CP-1")).isEqualTo(10);
        assertThat(shop.outbox.events()).as("one replenishment event").hasSize(1);
    }

    /** More busy products than workers: every product sells while the others are busy, not only after them. */
    @Test
    void with_one_lane_worker_busy_products_take_turns() {
        var checkout = checkout(1);
        int buyersEach = 2 * CombinedCheckout.BATCHES_PER_TURN + 5;
        var answers = List.of(buyers(checkout, "CP-1", buyersEach), buyers(checkout, "CP-2", buyersEach),
                buyers(checkout, "CP-3", buyersEach));

        for (int turn = 0; turn < 3; turn++) {
            workers.runNext();
        }

        assertThat(answers).as("each product sold a turn's batches while all three still had buyers waiting")
                .allSatisfy(lane -> {
                    assertThat(lane.stream().filter(CompletableFuture::isDone).count())
                            .isEqualTo(CombinedCheckout.BATCHES_PER_TURN);
                    assertThat(lane).anyMatch(answer -> !answer.isDone());
                });
        assertThat(workers.waitingTasks()).as("each busy lane back in the queue for its next turn").isEqualTo(3);

        workers.runAll();

        assertThat(answers).allSatisfy(lane -> assertThat(lane).allMatch(CompletableFuture::isDone));
        assertThat(IntStream.rangeClosed(1, 3).map(i -> shop.stock.stockOf("CP-" + i))).containsOnly(100 - buyersEach);
    }

    @Test
    void buyers_are_refused_when_no_worker_can_be_had() {
        var checkout = checkout(50);
        workers.refuse();

        var answers = buyers(checkout, "CP-1", 1);

        assertThatThrownBy(answers.get(0)::join).hasRootCauseInstanceOf(RejectedExecutionException.class);
        assertThat(shop.sales.recorded()).isEmpty();
    }

    @Test
    void sell_waits_for_the_answer_and_hands_a_failure_to_the_buyer_as_it_was() {
        var inline = new CombinedCheckout(shop.sellingInBatches(), 50, Runnable::run);

        assertThat(inline.sell(Purchase.of("CP-1", 2))).isInstanceOf(SaleResult.Sold.class);

        shop.sales.failNextWith(new IllegalStateException("database went away"));
        assertThatThrownBy(() -> inline.sell(Purchase.of("CP-1", 1)))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("database went away");
    }

    @Test
    void a_batch_limit_below_one_is_refused() {
        assertThatThrownBy(() -> checkout(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
