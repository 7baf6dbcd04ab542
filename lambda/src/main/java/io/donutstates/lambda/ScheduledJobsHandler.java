package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.donutstates.housekeeping.Purged;
import io.donutstates.messaging.OutboxBacklog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's background jobs on an EventBridge schedule: relay the outbox to the stock topic
 * until it is empty (or the invocation's time runs short), sweep stuck replenishments, relay what the
 * sweep re-queued, follow the ledger audit a bounded turn, deliver the alerts that are due (webhook,
 * ops topic; retried until taken), and purge the history past its retention (published events,
 * expired idempotency receipts, delivered alerts) when time is left; expire the backorders whose time
 * ran out and post the buyers' notices that are due. The outbox is written in the sale's transaction, so an event the sales
 * handler could not publish at once is published here: nothing is lost between a sale and the queue.
 * A failed job fails the invocation (visible in the function's Errors metric) after the other jobs
 * have had their turn; the next scheduled invocation tries it again.
 */
public class ScheduledJobsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobsHandler.class);
    /** Stop starting relay batches when less than this is left of the invocation. */
    private static final int SAFETY_MARGIN_MILLIS = 5_000;

    private final LambdaShop shop;

    /** Used by AWS Lambda: the shop is wired from the container's environment once, at init. */
    public ScheduledJobsHandler() {
        this(LambdaShop.fromEnvironment());
    }

    public ScheduledJobsHandler(LambdaShop shop) {
        this.shop = shop;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        RuntimeException failure = null;
        int relayed = 0;
        int swept = 0;
        try {
            relayed += relayAll(context);
        } catch (RuntimeException e) {
            log.error("outbox relay failed; the events stay in the outbox: {}", e.toString());
            failure = e;
        }
        try {
            swept = shop.sweeping().sweep();
            if (swept > 0) {
                log.info("stuck-replenishment sweep moved {} replenishment(s)", swept);
                relayed += relayAll(context);
            }
        } catch (RuntimeException e) {
            log.error("stuck-replenishment sweep failed: {}", e.toString());
            failure = failure == null ? e : failure;
        }
        try {
            shop.noticingOutages().notice();
        } catch (RuntimeException e) {
            log.error("factory outage check failed: {}", e.toString());
            failure = failure == null ? e : failure;
        }
        long audited = 0;
        try {
            // A bounded turn of the ledger audit (DONUT_LEDGER_AUDIT_CHUNK lines per product per read).
            audited = shop.followingTheLedger().catchUp(shop.shopSettings().ledger().auditChunk(),
                    java.time.Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.error("ledger audit failed: {}", e.toString());
            failure = failure == null ? e : failure;
        }
        int alertsSent = 0;
        try {
            alertsSent = deliverAlerts(context);
        } catch (RuntimeException e) {
            log.error("alert delivery failed; the alerts wait in the database: {}", e.toString());
            failure = failure == null ? e : failure;
        }
        int expired = 0;
        int notified = 0;
        try {
            expired = shop.shop().backorders().expiring().expireDue();
            var notifying = shop.shop().backorders().notifying();
            while (context == null || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MILLIS) {
                int sent = notifying.relayBatch();
                notified += sent;
                if (sent == 0) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.error("backorder expiry or notices failed; they wait in the database: {}", e.toString());
            failure = failure == null ? e : failure;
        }
        shop.flushTraces(); // the relay's spans
        int purged = 0;
        if (context == null || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MILLIS) {
            Purged run = shop.purging().purge();
            purged = run.total();
            if (purged > 0) {
                log.info("housekeeping removed {} row(s): {}", purged, run.removed());
            }
            for (var failed : run.failures().entrySet()) {
                log.warn("housekeeping of {} failed, trying again next invocation: {}", failed.getKey(),
                        failed.getValue().toString());
                failure = failure == null ? failed.getValue() : failure;
            }
        }
        // Raises one OUTBOX_STUCK alert when the oldest event has waited past DONUT_OUTBOX_STUCK_AFTER.
        OutboxBacklog<?> backlog = OutboxBacklog.EMPTY;
        try {
            backlog = shop.watchingTheOutbox().look();
        } catch (RuntimeException e) {
            log.error("outbox watch failed: {}", e.toString());
            failure = failure == null ? e : failure;
        }
        try {
            // One OUTBOX_STUCK alert when a buyer's notice has waited past 15 minutes.
            shop.shop().backorders().watchingNotices().look();
        } catch (RuntimeException e) {
            log.error("backorder notice watch failed: {}", e.toString());
            failure = failure == null ? e : failure;
        }
        long pending = backlog.pending();
        if (relayed > 0 || pending > 0) {
            log.info("relayed {} stock event(s); {} still pending, the oldest for {} s", relayed,
                    backlog.pendingText(), backlog.oldestAge(java.time.Instant.now()).toSeconds());
        }
        if (failure != null) {
            throw failure;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("relayed", relayed);
        summary.put("swept", swept);
        summary.put("pending", pending);
        summary.put("alertsSent", alertsSent);
        summary.put("ledgerLinesAudited", audited);
        summary.put("purged", purged);
        summary.put("backordersExpired", expired);
        summary.put("backorderNoticesSent", notified);
        return summary;
    }

    private int deliverAlerts(Context context) {
        int total = 0;
        while (context == null || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MILLIS) {
            int sent = shop.deliveringAlerts().deliverDue();
            total += sent;
            if (sent == 0) {
                break;
            }
        }
        return total;
    }

    private int relayAll(Context context) {
        int total = 0;
        while (context == null || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MILLIS) {
            int published = shop.relaying().relayBatch();
            total += published;
            if (published == 0) {
                break;
            }
        }
        return total;
    }
}
