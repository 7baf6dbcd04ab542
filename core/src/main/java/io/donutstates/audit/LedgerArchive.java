package io.donutstates.audit;

import io.donutstates.stock.Sku;
import io.donutstates.stock.StockSlot;
import java.time.Instant;
import java.util.Optional;

/**
 * Where old books leave the hot tables: a product's oldest ledger lines and sales, a bounded chunk at
 * a time, with the ledger's opening moved past the removed lines so the audit still adds up.
 */
public interface LedgerArchive {

    /**
     * The newest of the slot's first {@code limit} kept lines that is older than {@code before}, no
     * further than {@code throughId} and not the slot's newest line; empty when none qualifies.
     */
    Optional<LedgerLine> lastArchivable(StockSlot slot, Instant before, long throughId, int limit);

    /** Removes the slot's kept lines up to and including the given one and makes it the opening. */
    long removeThrough(StockSlot slot, LedgerLine line, Instant now);

    /** Removes up to {@code limit} of the product's oldest sales older than {@code before}. */
    long removeSalesBefore(Sku sku, Instant before, int limit);

    /** The archive an operator asked for, if any. */
    Optional<Request> request();

    /** Asks for everything older than {@code before} to be archived (replacing a finished request). */
    void ask(Instant before, Instant now);

    /** Takes the running archive's turn until {@code until}; false when none runs or another instance has it. */
    boolean claim(Instant now, Instant until);

    /** Counts what a turn removed; {@code done} ends the request. */
    void record(long lines, long sales, boolean done, Instant now);

    /** An operator's archive: what is older than {@code before} leaves; how much has so far. */
    record Request(Instant before, boolean running, long linesRemoved, long salesRemoved, Instant askedAt,
                   Optional<Instant> finishedAt) { }
}
