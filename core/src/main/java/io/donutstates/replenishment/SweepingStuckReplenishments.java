package io.donutstates.replenishment;

import io.donutstates.alerting.Alert;
import io.donutstates.messaging.Outbox;
import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.time.Duration;

/**
 * Use case: no replenishment stays stuck in silence. Ordered but undelivered past the deadline is
 * ordered again a bounded number of times, then failed and reported; requested but idle (its queue
 * message lost) is sent to the queue again.
 */
public class SweepingStuckReplenishments {

    private final Replenishments replenishments;
    private final Outbox<StockEvent> outbox;
    private final GivingUpReplenishment givingUp;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration deliveryDeadline;
    private final int maxReorders;
    private final Duration requeueAfter;

    public SweepingStuckReplenishments(Replenishments replenishments, Outbox<StockEvent> outbox,
                                       GivingUpReplenishment givingUp, Transactions transactions, Clock clock,
                                       Duration deliveryDeadline, int maxReorders, Duration requeueAfter) {
        this.replenishments = replenishments;
        this.outbox = outbox;
        this.givingUp = givingUp;
        this.transactions = transactions;
        this.clock = clock;
        this.deliveryDeadline = deliveryDeadline;
        this.maxReorders = maxReorders;
        this.requeueAfter = requeueAfter;
    }

    /** One sweep; returns how many replenishments it moved. */
    public int sweep() {
        var now = clock.instant();
        int moved = 0;
        for (var late : replenishments.orderedBefore(now.minus(deliveryDeadline), 100)) {
            moved += late.reorders() < maxReorders ? reorder(late) : giveUp(late);
        }
        var idleSince = now.minus(requeueAfter);
        for (var idle : replenishments.requestedIdleSince(idleSince, 100)) {
            moved += transactions.inTransaction(() -> {
                if (!replenishments.touchIfIdle(idle.id(), idleSince, clock.instant())) {
                    return 0;
                }
                outbox.append(idle.event(clock.instant()));
                return 1;
            });
        }
        return moved;
    }

    private int reorder(Replenishment late) {
        return transactions.inTransaction(() -> {
            if (!replenishments.reorder(late.id(), clock.instant())) {
                return 0;
            }
            outbox.append(late.event(clock.instant()));
            return 1;
        });
    }

    private int giveUp(Replenishment late) {
        String reason = "no delivery from factory " + late.factoryId() + " within " + deliveryDeadline
                + " after " + (late.reorders() + 1) + " orders";
        return givingUp.giveUp(late.id(), Alert.Kind.REPLENISHMENT_STUCK, reason, null) ? 1 : 0;
    }
}
