package io.donutstates.audit;

import java.time.Instant;
import java.util.Optional;

/** Where the operator's full replay keeps its state, so any instance can carry it on. */
public interface LedgerReplays {

    /** The newest line of the whole ledger (0 when empty). */
    long newestLine();

    /** The operator's replay, if one was ever asked for. */
    Optional<Replay> replay();

    /** Starts a replay through the given line: every product's replay checkpoint goes back to its opening. */
    void startReplay(long throughId, Instant now);

    /** Takes the running replay's turn until {@code until}; false when none runs or another instance has it. */
    boolean claimReplay(Instant now, Instant until);

    void finishReplay(Instant now);

    /** The operator's full replay: through which line, since when, and whether it is done. */
    record Replay(boolean running, long throughId, Instant startedAt, Optional<Instant> finishedAt) { }
}
