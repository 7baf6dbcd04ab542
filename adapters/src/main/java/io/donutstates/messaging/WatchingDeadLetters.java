package io.donutstates.messaging;

import io.donutstates.alerting.Alert;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.ReplenishmentId;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backstop for alerting, run by the service's watch and the Lambda schedule alike: every
 * replenishment whose message sits in {@code dead_letter_queue} becomes FAILED ({@code DEAD_LETTERED})
 * and ops hear of it once, even if the worker that saw its last failure died before saying so. The
 * messages are listed, never consumed: the queue keeps them for ops until someone redrives or
 * discards them.
 */
public class WatchingDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(WatchingDeadLetters.class);

    /** What one look found. */
    public record Watched(int seen, int failedNow, int alreadyClosed, int unreadable) { }

    private final Supplier<SqsDeadLetters> deadLetters;
    private final GivingUpReplenishment givingUp;

    /** @param deadLetters the queue's letters (a Lambda finds its queue on first use) */
    public WatchingDeadLetters(Supplier<SqsDeadLetters> deadLetters, GivingUpReplenishment givingUp) {
        this.deadLetters = deadLetters;
        this.givingUp = givingUp;
    }

    /** Looks at up to {@code limit} dead letters. */
    public Watched watch(int limit) {
        int seen = 0;
        int failedNow = 0;
        int alreadyClosed = 0;
        int unreadable = 0;
        for (var letter : deadLetters.get().list(limit)) {
            seen++;
            if (letter.replenishmentId() == null) {
                // No replenishment to fail; the queue's depth (gauge, alarm) is what tells ops about it.
                unreadable++;
                log.error("dead_letter_queue message {} is not a stock event", letter.id());
            } else if (givingUp.giveUp(ReplenishmentId.parse(letter.replenishmentId()), Alert.Kind.DEAD_LETTERED,
                    "message found in dead_letter_queue", null)) {
                failedNow++;
            } else {
                alreadyClosed++;
            }
        }
        if (failedNow > 0 || unreadable > 0) {
            log.warn("dead_letter_queue holds {} message(s): {} replenishment(s) failed now, {} unreadable",
                    seen, failedNow, unreadable);
        }
        return new Watched(seen, failedNow, alreadyClosed, unreadable);
    }
}
