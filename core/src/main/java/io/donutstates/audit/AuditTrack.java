package io.donutstates.audit;

/** The two ways the ledger is followed: new lines as they come, or the operator's full replay. */
public enum AuditTrack {
    /** Follows each product's new lines a chunk at a time, in the background. */
    LIVE,
    /** Follows each product's whole kept ledger from its opening, once, when an operator asks. */
    REPLAY
}
