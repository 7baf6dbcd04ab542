package io.donutstates.audit;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.Alerts;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.StockSlot;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Use case: follow every product's ledger on a track, slot by slot, one bounded chunk per slot and short
 * transaction at a time, so the audit's work per step never depends on how long the shop has run.
 * The first line that does not add up stops the product's track and is reported to ops once.
 */
public class FollowingTheLedger {

    private final LedgerAudits audits;
    private final Alerts alerts;
    private final Transactions transactions;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicInteger passes = new java.util.concurrent.atomic.AtomicInteger();

    public FollowingTheLedger(LedgerAudits audits, Alerts alerts, Transactions transactions, Clock clock) {
        this.audits = audits;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Follows the live track until every product is caught up or the time is spent; returns lines checked. */
    public long catchUp(int chunk, Duration budget) {
        return follow(AuditTrack.LIVE, Long.MAX_VALUE, chunk, budget).checked();
    }

    /** What one pass found: lines checked, and whether every product reached the line it was after. */
    public record Pass(long checked, boolean complete) { }

    /** Follows every product on the track through {@code throughId}, within the time budget. */
    Pass follow(AuditTrack track, long throughId, int chunk, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        long checked = 0;
        boolean complete = true;
        var slots = audits.slots();
        // Each pass starts one slot further on, so a slot with a long backlog cannot keep the others
        // waiting pass after pass.
        int first = slots.isEmpty() ? 0 : Math.floorMod(passes.getAndIncrement(), slots.size());
        for (int i = 0; i < slots.size(); i++) {
            StockSlot slot = slots.get((first + i) % slots.size());
            while (true) {
                // At least one chunk per pass, so even a turn with no time to spare makes progress.
                var step = advance(track, slot, throughId, chunk);
                checked += step.checked();
                boolean more = step.held() && step.checked() == chunk;
                if (System.nanoTime() > deadline) {
                    return new Pass(checked, false);
                }
                if (more) {
                    continue;
                }
                complete &= step.held();
                break;
            }
        }
        return new Pass(checked, complete);
    }

    private record Step(boolean held, long checked) { }

    private record Moved(Checkpoint from, Checkpoint to) { }

    private Step advance(AuditTrack track, StockSlot slot, long throughId, int chunk) {
        var now = clock.instant();
        Optional<Moved> moved = transactions.inTransaction(() -> audits.hold(track, slot, now).map(from -> {
            if (from.broken() || from.movementId() >= throughId) {
                return new Moved(from, from);
            }
            var lines = audits.linesAfter(slot, from.movementId(), throughId, chunk);
            var to = RunningBalance.follow(from, lines, now);
            if (!lines.isEmpty()) {
                audits.save(track, to);
            }
            return new Moved(from, to);
        }));
        if (moved.isEmpty()) {
            return new Step(false, 0);
        }
        var from = moved.get().from();
        var to = moved.get().to();
        if (to.broken() && !from.broken()) {
            var problem = to.problem().get();
            alerts.raise(new Alert(Alert.Kind.LEDGER_BROKEN, slot.sku().value(), null, null,
                    "ledger line " + problem.movementId() + (slot.slot() == 0 ? "" : " (slot " + slot.slot() + ")")
                            + ": " + problem.what() + " (" + track.name().toLowerCase() + " audit)", null, now));
        }
        return new Step(true, to.checked() - from.checked());
    }
}
