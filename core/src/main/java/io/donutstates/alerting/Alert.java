package io.donutstates.alerting;

import java.time.Instant;

/** Something the operations team must hear about, such as a replenishment that failed. */
public record Alert(Kind kind, String sku, String factoryId, String replenishmentId, String reason,
                    String lastError, Instant at, String productName) {

    public Alert(Kind kind, String sku, String factoryId, String replenishmentId, String reason, String lastError,
                 Instant at) {
        this(kind, sku, factoryId, replenishmentId, reason, lastError, at, null);
    }

    /** The same alert naming the product as people know it. */
    public Alert withProductName(String name) {
        return new Alert(kind, sku, factoryId, replenishmentId, reason, lastError, at, name);
    }

    /** The kinds of incident ops are told about. */
    public enum Kind {
        REPLENISHMENT_FAILED, DEAD_LETTERED, REPLENISHMENT_STUCK, FACTORY_UNAVAILABLE, LEDGER_BROKEN, OUTBOX_STUCK,
        /** Raised once the database answers again, saying how long it could not be reached. */
        DATABASE_UNAVAILABLE,
        /** A callback counted more than was ordered and was refused: a confused factory or a leaked callback URL. */
        DELIVERY_REFUSED
    }

    /**
     * One incident, one alert: the key under which repeats are recognised. A factory outage is one
     * incident per factory and hour, however many instances see their circuit open. A broken ledger
     * is one incident per product: its audit stops at the first line it cannot explain. A stuck
     * outbox is named by the replenishment of its oldest unpublished event and the hour: every
     * instance sees the same oldest event, and a later incident is a new one.
     */
    public String incidentKey() {
        if (kind == Kind.OUTBOX_STUCK) {
            return kind + ":" + replenishmentId + ":" + at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        }
        if (kind == Kind.LEDGER_BROKEN) {
            return kind + ":" + sku;
        }
        if (replenishmentId != null) {
            return kind + ":" + replenishmentId;
        }
        return kind + ":" + factoryId + ":" + at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }
}
