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

    private final LedgerReplays replays;
    private final FollowingTheLedger following;
    private final Transactions transactions;
    private final Clock clock;

    public ReplayingTheLedger(LedgerReplays replays, FollowingTheLedger following, Transactions transactions,
                              Clock clock) {
        this.replays = replays;
        this.following = following;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Starts a replay through the newest line, or names the one already running. */
    public LedgerReplays.Replay start() {
        return transactions.inTransaction(() -> {
            var current = replays.replay();
            if (current.isPresent() && current.get().running()) {
                return current.get();
            }
            replays.startReplay(replays.newestLine(), clock.instant());
            return replays.replay().orElseThrow();
        });
    }

    public Optional<LedgerReplays.Replay> status() {
        return replays.replay();
    }

    /**
     * Takes this instance's turn at a running replay for about {@code budget}; returns lines checked
     * (0 when no replay runs or another instance has its turn).
     */
    public long step(int chunk, Duration budget) {
        var now = clock.instant();
        var replay = replays.replay();
        if (replay.isEmpty() || !replay.get().running()
                || !replays.claimReplay(now, now.plus(budget))) {
            return 0;
        }
        var pass = following.follow(AuditTrack.REPLAY, replay.get().throughId(), chunk, budget);
        if (pass.complete()) {
            replays.finishReplay(clock.instant());
        }
        return pass.checked();
    }
}
