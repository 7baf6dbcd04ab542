package io.donutstates.audit;

import io.donutstates.stock.StockSlot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the audit keeps its checkpoints and reads the ledger, a bounded chunk at a time. */
public interface LedgerAudits {

    /** Every slot of every product, with or without ledger lines (slot 0 of a product without slots). */
    List<StockSlot> slots();

    /**
     * The slot's checkpoint on the track, created at the slot's opening if new, and held until
     * the transaction ends; empty while another instance holds it.
     */
    Optional<Checkpoint> hold(AuditTrack track, StockSlot slot, Instant now);

    /** At most {@code limit} of the slot's lines after {@code movementId} and up to {@code throughId}, in order. */
    List<LedgerLine> linesAfter(StockSlot slot, long movementId, long throughId, int limit);

    void save(AuditTrack track, Checkpoint checkpoint);
}
