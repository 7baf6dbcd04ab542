package io.donutstates.replenishment;

import io.donutstates.messaging.Outbox;
import io.donutstates.shared.Transactions;
import java.time.Clock;

/**
 * Use case: ops send a dead-lettered replenishment back to work (after healing the factory), or
 * discard it with a reason that stays in its history.
 */
public class RedrivingReplenishment {

    /** What a redrive achieved. */
    public enum Outcome { REDRIVEN, SUPERSEDED, NOTHING_TO_REDRIVE }

    private final Replenishments replenishments;
    private final Outbox<StockEvent> outbox;
    private final Transactions transactions;
    private final Clock clock;

    public RedrivingReplenishment(Replenishments replenishments, Outbox<StockEvent> outbox,
                                  Transactions transactions, Clock clock) {
        this.replenishments = replenishments;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome redrive(ReplenishmentId id) {
        return transactions.inTransaction(() -> {
            var found = replenishments.find(id);
            if (found.isEmpty()) {
                return Outcome.NOTHING_TO_REDRIVE;
            }
            var replenishment = found.get();
            if (Transition.REDRIVE.allowedFrom(replenishment.status())) {
                if (!replenishments.reopen(id, clock.instant())) {
                    replenishments.note(id, "redrive skipped: another replenishment of " + replenishment.sku()
                            + " is under way", clock.instant());
                    return Outcome.SUPERSEDED;
                }
                replenishments.note(id, "redriven from dead_letter_queue", clock.instant());
                outbox.append(replenishment.event(clock.instant()));
                return Outcome.REDRIVEN;
            }
            if (Transition.ORDER.allowedFrom(replenishment.status())) {
                // Still waiting for an order: a fresh event is harmless and gets it going.
                replenishments.note(id, "redriven from dead_letter_queue", clock.instant());
                outbox.append(replenishment.event(clock.instant()));
                return Outcome.REDRIVEN;
            }
            return Outcome.NOTHING_TO_REDRIVE;
        });
    }

    public void discard(ReplenishmentId id, String reason) {
        transactions.inTransaction(() -> {
            if (replenishments.find(id).isPresent()) {
                replenishments.note(id, "dead letter discarded: " + reason, clock.instant());
            }
            return null;
        });
    }
}
