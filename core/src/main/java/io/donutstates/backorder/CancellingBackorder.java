package io.donutstates.backorder;

import io.donutstates.shared.Transactions;
import java.time.Clock;

/**
 * Use case: the buyer withdraws a waiting backorder, proving it is theirs with the secret given at
 * placing. Its place in line is freed: the next delivery serves the ones behind it.
 */
public class CancellingBackorder {

    private final Backorders backorders;
    private final Transactions transactions;
    private final Clock clock;

    public CancellingBackorder(Backorders backorders, Transactions transactions, Clock clock) {
        this.backorders = backorders;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a cancel came to. */
    public sealed interface Result {
    }

    public record Cancelled(Backorder backorder) implements Result {
    }

    /** No such backorder, or the secret is not its own: told apart from nothing, so ids cannot be probed. */
    public record NotFound() implements Result {
    }

    /** It had already ended (fulfilled, expired or cancelled before); nothing changed. */
    public record NotWaiting(Backorder backorder) implements Result {
    }

    public Result cancel(BackorderId id, String secret) {
        return transactions.inTransaction(() -> {
            var found = backorders.find(id).filter(b -> BackorderSecret.matches(secret, b.secretHash()));
            if (found.isEmpty()) {
                return new NotFound();
            }
            var now = clock.instant();
            if (backorders.end(id, BackorderStatus.CANCELLED, now)) {
                return new Cancelled(found.get().ended(BackorderStatus.CANCELLED, now));
            }
            return new NotWaiting(backorders.find(id).orElseThrow());
        });
    }
}
