package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Looks at {@code dead_letter_queue} on an EventBridge schedule, as the service's dead-letter watch
 * does: every replenishment whose message sits there becomes FAILED ({@code DEAD_LETTERED}) and ops
 * hear of it once — only the call that moves an open replenishment to FAILED raises the alert, and
 * alerts are recorded once per incident ({@code WatchingDeadLetters}). The messages are listed, never
 * consumed: the queue keeps them in order for ops (and its CloudWatch alarm stays on) until someone
 * redrives or discards them. New alerts are delivered at once.
 */
public class DeadLetterAlertHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final LambdaShop shop;
    private final int peekLimit;

    /** Used by AWS Lambda: the shop is wired from the container's environment once, at init. */
    public DeadLetterAlertHandler() {
        this(LambdaShop.fromEnvironment());
    }

    public DeadLetterAlertHandler(LambdaShop shop) {
        this.shop = shop;
        this.peekLimit = shop.settings().integer("DONUT_DEAD_LETTER_PEEK_LIMIT", 500);
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        var watched = shop.watchingDeadLetters().watch(peekLimit);
        int alertsSent = watched.failedNow() > 0 ? shop.deliveringAlerts().deliverDue() : 0;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seen", watched.seen());
        summary.put("failedNow", watched.failedNow());
        summary.put("alreadyClosed", watched.alreadyClosed());
        summary.put("unreadable", watched.unreadable());
        summary.put("alertsSent", alertsSent);
        return summary;
    }
}
