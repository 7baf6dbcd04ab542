package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.donutstates.alerting.Alert;
import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.replenishment.ReplenishmentId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at {@code dead_letter_queue} on an EventBridge schedule, as the service's dead-letter watch
 * does: every replenishment whose message sits there becomes FAILED ({@code DEAD_LETTERED}) and ops
 * hear of it once — only the call that moves an open replenishment to FAILED raises the alert, and
 * alerts are recorded once per incident. The messages are listed with {@link SqsDeadLetters}, never
 * consumed: the queue keeps them in order for ops (and its CloudWatch alarm stays on) until someone
 * redrives or discards them. New alerts are delivered at once.
 */
public class DeadLetterAlertHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAlertHandler.class);

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
        int seen = 0;
        int failedNow = 0;
        int alreadyClosed = 0;
        int unreadable = 0;
        for (var letter : deadLetters().list(peekLimit)) {
            seen++;
            if (letter.replenishmentId() == null) {
                // No replenishment to fail; the queue's alarm is what tells ops about it.
                unreadable++;
                log.error("dead_letter_queue message {} is not a stock event", letter.id());
            } else if (shop.givingUp().giveUp(ReplenishmentId.parse(letter.replenishmentId()), Alert.Kind.DEAD_LETTERED,
                    "message found in dead_letter_queue", null)) {
                failedNow++;
            } else {
                alreadyClosed++;
            }
        }
        int alertsSent = failedNow > 0 ? shop.deliveringAlerts().deliverDue() : 0;
        if (failedNow > 0 || unreadable > 0) {
            log.warn("dead_letter_queue holds {} message(s): {} replenishment(s) failed now, {} unreadable",
                    seen, failedNow, unreadable);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seen", seen);
        summary.put("failedNow", failedNow);
        summary.put("alreadyClosed", alreadyClosed);
        summary.put("unreadable", unreadable);
        summary.put("alertsSent", alertsSent);
        return summary;
    }

    private SqsDeadLetters deadLetters() {
        return shop.deadLetters();
    }
}
