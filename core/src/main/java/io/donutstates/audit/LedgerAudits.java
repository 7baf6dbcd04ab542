package io.donutstates.audit;

import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the audit keeps its checkpoints and reads the ledger, a bounded chunk at a time. */
public interface LedgerAudits {

    /** Every product, with or without ledger lines. */
    List<Sku> products();

    /**
     * The product's checkpoint on the track, created at the product's opening if new, and held until
     * the transaction ends; empty while another instance holds it.
     */
    Optional<Checkpoint> hold(AuditTrack track, Sku sku, Instant now);

    /** At most {@code limit} of the product's lines after {@code movementId} and up to {@code throughId}, in order. */
    List<LedgerLine> linesAfter(Sku sku, long movementId, long throughId, int limit);

    void save(AuditTrack track, Checkpoint checkpoint);

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
