package io.donutstates.audit;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Use case: the operator's full replay of every product's kept ledger, from its opening through the
 * newest line at the time it was asked for. It runs in the background in bounded chunks, never
 * inside a request or a health check; its checkpoints are in the database, so after a restart any
 * instance carries it on where it stopped.
 */
public class ReplayingTheLedger {

    private final LedgerAudits audits;
    private final FollowingTheLedger following;
    private final Transactions transactions;
    private final Clock clock;

    public ReplayingTheLedger(LedgerAudits audits, FollowingTheLedger following, Transactions transactions,
                              Clock clock) {
        this.audits = audits;
        this.following = following;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Starts a replay through the newest line, or names the one already running. */
    public LedgerAudits.Replay start() {
        return transactions.inTransaction(() -> {
            var current = audits.replay();
            if (current.isPresent() && current.get().running()) {
                return current.get();
            }
            audits.startReplay(audits.newestLine(), clock.instant());
            return audits.replay().orElseThrow();
        });
    }

    public Optional<LedgerAudits.Replay> status() {
        return audits.replay();
    }

    /**
     * Takes this instance's turn at a running replay for about {@code budget}; returns lines checked
     * (0 when no replay runs or another instance has its turn).
     */
    public long step(int chunk, Duration budget) {
        var now = clock.instant();
        var replay = audits.replay();
        if (replay.isEmpty() || !replay.get().running()
                || !audits.claimReplay(now, now.plus(budget))) {
            return 0;
        }
        var pass = following.follow(AuditTrack.REPLAY, replay.get().throughId(), chunk, budget);
        if (pass.complete()) {
            audits.finishReplay(clock.instant());
        }
        return pass.checked();
    }
}
