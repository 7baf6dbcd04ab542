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
}
