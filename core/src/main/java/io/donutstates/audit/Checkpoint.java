package io.donutstates.audit;

import io.donutstates.stock.StockSlot;
import java.time.Instant;
import java.util.Optional;

/**
 * How far one slot's ledger has been followed on one track: through which line, to what balance,
 * how many lines so far, and the first line that did not follow from the one before, if any. A track
 * stops before such a line: the audit does not build on a ledger it could not explain.
 */
public record Checkpoint(StockSlot slot, long movementId, long balance, long checked, Instant checkedAt,
                         Optional<Problem> problem) {

    /** A line that breaks the chain, and how. */
    public record Problem(long movementId, String what) { }

    /** Where a slot's ledger starts: before its first kept line. */
    public static Checkpoint opening(StockSlot slot, long movementId, long balance, Instant at) {
        return new Checkpoint(slot, movementId, balance, 0, at, Optional.empty());
    }

    public boolean broken() {
        return problem.isPresent();
    }
}
