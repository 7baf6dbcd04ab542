package io.donutstates.sales;

import io.donutstates.stock.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A checkout that combines purchases of the same product arriving together. Each product has a
 * lane: buyers queue in it, and one worker per busy lane takes the queue (up to a limit, oldest
 * first) into a batch, sells it in one transaction, answers its buyers, and goes on with whoever
 * queued meanwhile, so the product's row is never left idle while buyers wait. After
 * {@value #BATCHES_PER_TURN} batches a busy lane goes to the back of the workers' queue, so with
 * fewer workers than busy products every product takes turns. Each buyer is answered only after
 * its batch committed.
 */
public class CombinedCheckout implements Checkout {

    static final int BATCHES_PER_TURN = 16;

    private final SellingInBatches selling;
    private final int maxBatch;
    private final Executor workers;
    private final Map<Sku, Lane> lanes = new ConcurrentHashMap<>();

    /** @param workers runs a lane's worker while the lane has buyers (one task per busy lane) */
    public CombinedCheckout(SellingInBatches selling, int maxBatch, Executor workers) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.selling = selling;
        this.maxBatch = maxBatch;
        this.workers = workers;
    }

    @Override
    public SaleResult sell(Purchase purchase) {
        try {
            return queue(purchase).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Queues the buyer in its product's lane without waiting; the answer completes once the buyer's
     * batch committed (or failed). {@link #sell} waits for it; a test can queue several buyers from
     * one thread and run the workers by hand.
     */
    CompletableFuture<SaleResult> queue(Purchase purchase) {
        var buyer = new Buyer(purchase);
        lanes.computeIfAbsent(purchase.sku(), Lane::new).enter(buyer);
        return buyer.answer;
    }

    private record Buyer(Purchase purchase, CompletableFuture<SaleResult> answer) {
        Buyer(Purchase purchase) {
            this(purchase, new CompletableFuture<>());
        }
    }

    /** The buyers of one product and whether a worker is serving them. */
    private final class Lane {
        private final Sku sku;
        private final ConcurrentLinkedQueue<Buyer> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean served = new AtomicBoolean();

        Lane(Sku sku) {
            this.sku = sku;
        }

        void enter(Buyer buyer) {
            queue.add(buyer);
            startWorkerIfNone();
        }

        private void startWorkerIfNone() {
            if (!queue.isEmpty() && served.compareAndSet(false, true)) {
                try {
                    workers.execute(this::serve);
                } catch (RejectedExecutionException e) {
                    served.set(false);
                    refuseAll(e);
                }
            }
        }

        /**
         * Sells batch after batch until the queue is empty or the turn is over; a buyer arriving just
         * after, or left for the next turn, is picked up by a fresh task.
         */
        private void serve() {
            try {
                int batches = 0;
                for (List<Buyer> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
                    sell(batch);
                    if (++batches == BATCHES_PER_TURN) {
                        break;
                    }
                }
            } finally {
                served.set(false);
            }
            if (queue.isEmpty()) {
                // Idle lanes go, so SKUs that do not exist cannot pile up; a buyer still entering
                // this lane is served by it (below) or by a fresh one, and the row lock keeps the two apart.
                lanes.remove(sku, this);
            }
            startWorkerIfNone();
        }

        private List<Buyer> nextBatch() {
            List<Buyer> batch = new ArrayList<>();
            Buyer next;
            while (batch.size() < maxBatch && (next = queue.poll()) != null) {
                batch.add(next);
            }
            return batch;
        }

        private void sell(List<Buyer> batch) {
            try {
                List<SaleResult> results = selling.sell(sku, batch.stream().map(Buyer::purchase).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer.complete(results.get(i));
                }
            } catch (RuntimeException | Error e) {
                batch.forEach(b -> b.answer.completeExceptionally(e));
            }
        }

        private void refuseAll(RuntimeException e) {
            for (Buyer buyer = queue.poll(); buyer != null; buyer = queue.poll()) {
                buyer.answer.completeExceptionally(e);
            }
        }
    }
}
