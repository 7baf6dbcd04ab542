package io.donutstates.backorder;

import io.donutstates.messaging.Outbox;
import io.donutstates.shared.Transactions;
import java.time.Clock;

/**
 * Use case (a background job): waiting backorders whose time ran out become EXPIRED, and their buyers
 * who asked to be told are, through the notice outbox. A batch per transaction, rows taken with
 * {@code SKIP LOCKED} so instances expiring at once share the work; at most {@code maxBatches} a run.
 */
public class ExpiringBackorders {

    private final Backorders backorders;
    private final Outbox<BackorderNotice> notices;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;
    private final int maxBatches;

    public ExpiringBackorders(Backorders backorders, Outbox<BackorderNotice> notices, Transactions transactions,
                              Clock clock, int batchSize, int maxBatches) {
        this.backorders = backorders;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    /** Expires what is due; returns how many backorders expired. */
    public int expireDue() {
        int expired = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int[] found = new int[1];
            expired += transactions.inTransaction(() -> {
                var now = clock.instant();
                var due = backorders.lockExpired(now, batchSize);
                found[0] = due.size();
                int ended = 0;
                for (Backorder backorder : due) {
                    if (backorders.end(backorder.id(), BackorderStatus.EXPIRED, now)) {
                        ended++;
                        var notice = BackorderNotice.of(backorder.ended(BackorderStatus.EXPIRED, now), now);
                        if (notice != null) {
                            notices.append(notice);
                        }
                    }
                }
                return ended;
            });
            if (found[0] < batchSize) {
                break;
            }
        }
        return expired;
    }
}
