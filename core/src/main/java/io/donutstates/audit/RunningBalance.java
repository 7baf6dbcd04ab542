package io.donutstates.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit's rule, line by line: each line's balance is the balance before it plus its change, and
 * never below zero. Following lines from a checkpoint gives the next checkpoint.
 */
public final class RunningBalance {

    private RunningBalance() {
    }

    /** Follows the lines (one slot's, in ledger order, all after {@code from}) as far as they hold. */
    public static Checkpoint follow(Checkpoint from, List<LedgerLine> lines, Instant now) {
        if (from.broken()) {
            return from;
        }
        long through = from.movementId();
        long balance = from.balance();
        long checked = from.checked();
        for (LedgerLine line : lines) {
            long expected = balance + line.change();
            Optional<String> problem = expected < 0
                    ? Optional.of("running balance " + balance + " " + signed(line.change()) + " goes below zero")
                    : expected != line.balanceAfter()
                    ? Optional.of("balance " + balance + " " + signed(line.change()) + " is " + expected
                            + ", but the line says " + line.balanceAfter())
                    : Optional.empty();
            if (problem.isPresent()) {
                return new Checkpoint(from.slot(), through, balance, checked, now,
                        Optional.of(new Checkpoint.Problem(line.id(), problem.get())));
            }
            through = line.id();
            balance = expected;
            checked++;
        }
        return new Checkpoint(from.slot(), through, balance, checked, now, Optional.empty());
    }

    private static String signed(int change) {
        return change < 0 ? "- " + -change : "+ " + change;
    }
}
