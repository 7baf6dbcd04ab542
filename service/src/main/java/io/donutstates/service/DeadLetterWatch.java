package io.donutstates.service;

import io.donutstates.alerting.Alert;
import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.ReplenishmentId;
import org.springframework.stereotype.Component;

/**
 * A backstop for alerting: every replenishment whose message sits in {@code dead_letter_queue} is
 * FAILED and reported, even if the worker that saw its last failure died before saying so.
 */
@Component
class DeadLetterWatch {

    private final SqsDeadLetters deadLetters;
    private final GivingUpReplenishment givingUp;

    DeadLetterWatch(SqsDeadLetters deadLetters, GivingUpReplenishment givingUp) {
        this.deadLetters = deadLetters;
        this.givingUp = givingUp;
    }

    /** @return how many replenishments this watch failed */
    int watch() {
        int failed = 0;
        for (var letter : deadLetters.list(100)) {
            if (letter.replenishmentId() != null && givingUp.giveUp(ReplenishmentId.parse(letter.replenishmentId()),
                    Alert.Kind.DEAD_LETTERED, "message found in dead_letter_queue", null)) {
                failed++;
            }
        }
        return failed;
    }
}
