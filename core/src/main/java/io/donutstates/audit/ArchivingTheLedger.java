package io.donutstates.audit;

import io.donutstates.shared.Transactions;
import io.donutstates.stock.StockSlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: archive old months of the books (ledger lines and sales) once an operator has exported
 * them. Only lines the live audit has already followed, and that added up, leave; each product keeps
 * its newest line, and its opening (the balance after the last removed line) is moved in the same
 * transaction, so the live audit and a later full replay start from a balance that was checked.
 * Runs in the background in bounded chunks; any instance carries on a running archive.
 */
public class ArchivingTheLedger {

    /** Nothing younger than this leaves the hot tables, whatever an operator asks. */
    public static final Duration YOUNGEST = Duration.ofDays(1);

    private final LedgerAudits audits;
    private final LedgerArchive archive;
    private final Transactions transactions;
    private final Clock clock;

    public ArchivingTheLedger(LedgerAudits audits, LedgerArchive archive, Transactions transactions, Clock clock) {
        this.audits = audits;
        this.archive = archive;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Asks for everything older than {@code before} to be archived; refuses a time younger than a day. */
    public LedgerArchive.Request ask(Instant before) {
        var now = clock.instant();
        if (before.isAfter(now.minus(YOUNGEST))) {
            throw new IllegalArgumentException("only books older than a day can be archived (before must be "
                    + "at or before " + now.minus(YOUNGEST) + ")");
        }
        return transactions.inTransaction(() -> {
            var current = archive.request();
            if (current.isPresent() && current.get().running()) {
                throw new IllegalStateException("an archive of what is older than " + current.get().before()
                        + " is still running");
            }
            archive.ask(before, now);
            return archive.request().orElseThrow();
        });
    }

    public java.util.Optional<LedgerArchive.Request> status() {
        return archive.request();
    }

    /** Takes this instance's turn at a running archive for about {@code budget}; returns rows removed. */
    public long step(int chunk, Duration budget) {
        var now = clock.instant();
        var request = archive.request();
        if (request.isEmpty() || !request.get().running() || !archive.claim(now, now.plus(budget))) {
            return 0;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        long lines = 0;
        long sales = 0;
        for (StockSlot slot : audits.slots()) {
            while (true) {
                long removedLines = archiveLines(slot, request.get().before(), chunk);
                // A product's sales go once, with its first slot.
                long removedSales = slot.slot() != 0 ? 0 : transactions.inTransaction(() ->
                        archive.removeSalesBefore(slot.sku(), request.get().before(), chunk));
                lines += removedLines;
                sales += removedSales;
                boolean more = removedLines > 0 || removedSales == chunk;
                if (System.nanoTime() > deadline) {
                    archive.record(lines, sales, false, clock.instant());
                    return lines + sales;
                }
                if (!more) {
                    break;
                }
            }
        }
        archive.record(lines, sales, true, clock.instant());
        return lines + sales;
    }

    private long archiveLines(StockSlot slot, Instant before, int chunk) {
        var now = clock.instant();
        return transactions.inTransaction(() -> audits.hold(AuditTrack.LIVE, slot, now)
                .filter(checkpoint -> !checkpoint.broken())
                .flatMap(checkpoint -> archive.lastArchivable(slot, before, checkpoint.movementId(), chunk))
                .map(last -> archive.removeThrough(slot, last, now))
                .orElse(0L));
    }
}
