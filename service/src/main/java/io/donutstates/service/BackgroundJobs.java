package io.donutstates.service;

import io.donutstates.alerting.DeliveringAlerts;
import io.donutstates.housekeeping.Purged;
import io.donutstates.housekeeping.PurgingHistory;
import io.donutstates.messaging.RelayingOutbox;
import io.donutstates.messaging.SqsQueues;
import io.donutstates.messaging.SqsStockWorker;
import io.donutstates.messaging.StockMessageHandling;
import io.donutstates.replenishment.NoticingFactoryOutages;
import io.donutstates.replenishment.SweepingStuckReplenishments;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The work that runs behind the API: the outbox relay, the stock worker, the stuck-replenishment
 * sweep, alert delivery, housekeeping, the backorder expiry and the buyers' notices. Each coordinates through the database or the queue, so any
 * number of instances may run it.
 */
@Component
class BackgroundJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final DonutProperties donut;
    private final RelayingOutbox<?> relay;
    private final SweepingStuckReplenishments sweep;
    private final SqsStockWorker worker;
    private final DeliveringAlerts alerting;
    private final DeadLetterWatch deadLetterWatch;
    private final PurgingHistory purging;
    private final ShopMetrics metrics;
    private final NoticingFactoryOutages outages;
    private final io.donutstates.shop.Shop.Backorders backorders;
    private ScheduledExecutorService scheduler;

    BackgroundJobs(DonutProperties donut, RelayingOutbox<?> relay, SweepingStuckReplenishments sweep, SqsClient sqs,
                   SqsQueues queues, StockMessageHandling handling, DeliveringAlerts alerting,
                   DeadLetterWatch deadLetterWatch, PurgingHistory purging, ShopMetrics metrics,
                   NoticingFactoryOutages outages, io.donutstates.shop.Shop.Backorders backorders) {
        this.donut = donut;
        this.backorders = backorders;
        this.relay = relay;
        this.sweep = sweep;
        this.alerting = alerting;
        this.deadLetterWatch = deadLetterWatch;
        this.purging = purging;
        this.metrics = metrics;
        this.outages = outages;
        this.worker = new SqsStockWorker(sqs, queues, handling, donut.queue().consumers(), donut.queue().pollWait());
    }

    @Override
    public void start() {
        if (!donut.jobs().enabled()) {
            log.info("background jobs are off on this instance (donut.jobs.enabled=false)");
            return;
        }
        scheduler = Executors.newScheduledThreadPool(5, r -> {
            Thread thread = new Thread(r, "donut-jobs");
            thread.setDaemon(true);
            return thread;
        });
        long relayEvery = Math.max(10, donut.outbox().pollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::relayAll, 0, relayEvery, TimeUnit.MILLISECONDS);
        long sweepEvery = Math.max(100, donut.replenishment().sweepInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::sweepOnce, sweepEvery, sweepEvery, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> quietly("alert delivery", alerting::deliverDue), 1, 1, TimeUnit.SECONDS);
        long watchEvery = Math.max(1, donut.queue().deadLetterWatchInterval().toMillis());
        scheduler.scheduleWithFixedDelay(() -> quietly("dead-letter watch", deadLetterWatch::watch),
                watchEvery, watchEvery, TimeUnit.MILLISECONDS);
        long purgeEvery = donut.purge().interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeOnce, purgeEvery, purgeEvery, TimeUnit.MILLISECONDS);
        long expireEvery = donut.backorders().expiryInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> quietly("backorder expiry", backorders.expiring()::expireDue),
                expireEvery, expireEvery, TimeUnit.MILLISECONDS);
        // Buyers' notices go out on their own turn, never in a delivery's transaction: a slow buyer
        // endpoint delays other notices, never a fulfilment.
        scheduler.scheduleWithFixedDelay(this::notifyBuyers, 1, 1, TimeUnit.SECONDS);
        worker.start();
    }

    private void notifyBuyers() {
        try {
            while (backorders.notifying().relayBatch() > 0) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            log.warn("backorder notices failed; they stay in the notice outbox: {}", e.toString());
        }
    }

    private void quietly(String job, java.util.function.IntSupplier work) {
        try {
            work.getAsInt();
        } catch (RuntimeException e) {
            log.warn("{} failed, trying again shortly: {}", job, e.toString());
        }
    }

    private void relayAll() {
        try {
            while (relay.relayBatch() > 0) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            log.warn("outbox relay failed; the events stay in the outbox: {}", e.toString());
        }
    }

    private void sweepOnce() {
        try {
            int moved = sweep.sweep();
            if (moved > 0) {
                log.info("stuck-replenishment sweep moved {} replenishment(s)", moved);
            }
        } catch (RuntimeException e) {
            log.warn("stuck-replenishment sweep failed: {}", e.toString());
        }
        try {
            outages.notice();
        } catch (RuntimeException e) {
            log.warn("factory outage check failed: {}", e.toString());
        }
    }

    /** A kind that failed is tried again at the next interval; what its committed batches removed stays removed. */
    private void purgeOnce() {
        try {
            Purged purged = purging.purge();
            metrics.purged(purged);
            if (purged.total() > 0) {
                log.info("housekeeping removed {} row(s): {}", purged.total(), purged.removed());
            }
            purged.failures().forEach((kind, e) ->
                    log.warn("housekeeping of {} failed, trying again next interval: {}", kind, e.toString()));
        } catch (RuntimeException e) {
            log.warn("housekeeping failed, trying again next interval: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        worker.close();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
