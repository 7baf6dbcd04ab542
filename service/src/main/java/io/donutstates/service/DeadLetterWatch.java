package io.donutstates.service;

import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.messaging.WatchingDeadLetters;
import io.donutstates.replenishment.GivingUpReplenishment;
import org.springframework.stereotype.Component;

/** The service's backstop for alerting on {@code dead_letter_queue}: {@link WatchingDeadLetters}. */
@Component
class DeadLetterWatch {

    private final WatchingDeadLetters watching;

    DeadLetterWatch(SqsDeadLetters deadLetters, GivingUpReplenishment givingUp) {
        this.watching = new WatchingDeadLetters(() -> deadLetters, givingUp);
    }

    /** @return how many replenishments this watch failed */
    int watch() {
        return watching.watch(100).failedNow();
    }
}
