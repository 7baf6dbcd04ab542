package io.donutstates.housekeeping;

/** What the shop may forget once it has served its purpose; sales and the stock ledger are not among them. */
public enum History {
    /** Outbox events the topic has taken ({@code published_at} set). */
    PUBLISHED_EVENTS,
    /** Idempotency receipts older than the window in which a client may retry. */
    EXPIRED_RECEIPTS,
    /** Alerts every channel has received, with their delivery rows. */
    DELIVERED_ALERTS,
    /** Backorder notices that ended (taken by the buyer's endpoint, or given up); kept as long as published events. */
    ENDED_NOTICES
}
