package io.donutstates.messaging;

import java.time.Instant;

/** A dead-lettered message as the admin API shows it. */
record DeadLetterView(String id, String sku, String replenishmentId, int receiveCount, Instant firstFailureAt,
                      Instant lastFailureAt, String body) {

    static DeadLetterView of(SqsDeadLetters.DeadLetter letter) {
        return new DeadLetterView(letter.id(), letter.sku(), letter.replenishmentId(), letter.receiveCount(),
                letter.firstFailureAt(), letter.lastFailureAt(), letter.body());
    }
}
