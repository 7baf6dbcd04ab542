package io.donutstates.sales;

import io.donutstates.stock.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A checkout that combines purchases of the same product arriving together: while one batch is in
 * the database the next buyers queue up, and one of them takes the queue (up to a limit, oldest
 * first) into the next batch. Each buyer is answered only after its batch committed, and leads at
 * most until its own answer is ready, then hands the lead to the oldest buyer still waiting.
 */
public class CombinedCheckout implements Checkout {

    private final SellingInBatches selling;
    private final int maxBatch;
    private final Map<Sku, Lane> lanes = new ConcurrentHashMap<>();

    public CombinedCheckout(SellingInBatches selling, int maxBatch) {
        this.selling = selling;
        this.maxBatch = maxBatch;
    }

    @Override
    public SaleResult sell(Purchase purchase) {
        Lane lane = lanes.computeIfAbsent(purchase.sku(), Lane::new);
        var buyer = new Buyer(purchase);
        lane.queue.add(buyer);
        SaleResult result = lane.await(buyer);
        if (lane.queue.isEmpty() && !lane.leading.get()) {
            // Idle lanes go, so SKUs that do not exist cannot pile up. A buyer still holding this lane
            // serves itself; a new one opens a fresh lane, and the row lock keeps the two apart.
            lanes.remove(purchase.sku(), lane);
        }
        return result;
    }

    /** One buyer: the answer it waits for, and a nudge that tells it to take the lead. */
    private static final class Buyer {
        final Purchase purchase;
        final CompletableFuture<SaleResult> answer = new CompletableFuture<>();
        volatile CompletableFuture<Void> turn = new CompletableFuture<>();

        Buyer(Purchase purchase) {
            this.purchase = purchase;
        }
    }

    /** The buyers of one product. */
    private final class Lane {
        private final Sku sku;
        private final ConcurrentLinkedQueue<Buyer> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean leading = new AtomicBoolean();

        Lane(Sku sku) {
            this.sku = sku;
        }

        SaleResult await(Buyer buyer) {
            while (!buyer.answer.isDone()) {
                if (leading.compareAndSet(false, true)) {
                    try {
                        serveOneBatch();
                    } finally {
                        leading.set(false);
                    }
                    if (buyer.answer.isDone()) {
                        handOff();
                    }
                } else {
                    var turn = buyer.turn;
                    CompletableFuture.anyOf(buyer.answer, turn).join();
                    if (turn.isDone()) {
                        buyer.turn = new CompletableFuture<>();
                    }
                }
            }
            return buyer.answer.join();
        }

        private void handOff() {
            Buyer oldest = queue.peek();
            if (oldest != null) {
                oldest.turn.complete(null);
            }
        }

        private void serveOneBatch() {
            List<Buyer> batch = new ArrayList<>();
            Buyer next;
            while (batch.size() < maxBatch && (next = queue.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                List<SaleResult> results = selling.sell(sku, batch.stream().map(b -> b.purchase).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer.complete(results.get(i));
                }
            } catch (RuntimeException e) {
                batch.forEach(b -> b.answer.completeExceptionally(e));
            }
        }
    }
}
