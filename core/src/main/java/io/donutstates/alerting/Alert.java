package io.donutstates.alerting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Something the operations team must hear about, such as a replenishment that failed.
 *
 * @param incident the incident's key when it is not derived from the other fields: a factory
 *                 outage's names the time the outage began ({@link #factoryUnavailable}), and an
 *                 alert read back from where alerts are kept carries the key it was stored under;
 *                 {@code null} otherwise (see {@link #incidentKey()})
 */
public record Alert(Kind kind, String sku, String factoryId, String replenishmentId, String reason,
                    String lastError, Instant at, String productName, String incident) {

    public Alert(Kind kind, String sku, String factoryId, String replenishmentId, String reason, String lastError,
                 Instant at) {
        this(kind, sku, factoryId, replenishmentId, reason, lastError, at, null, null);
    }

    public Alert(Kind kind, String sku, String factoryId, String replenishmentId, String reason, String lastError,
                 Instant at, String productName) {
        this(kind, sku, factoryId, replenishmentId, reason, lastError, at, productName, null);
    }

    /**
     * A factory that has not taken orders since {@code outageBegan}: one incident per factory and
     * outage, however often and on however many instances it is noticed, and whichever hours it spans;
     * a later outage of the same factory begins later and is a new incident.
     */
    public static Alert factoryUnavailable(String factoryId, Instant outageBegan, String reason, String lastError,
                                           Instant at) {
        return new Alert(Kind.FACTORY_UNAVAILABLE, null, factoryId, null, reason, lastError, at, null,
                Kind.FACTORY_UNAVAILABLE + ":" + factoryId + ":" + outageBegan.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The same alert naming the product as people know it. */
    public Alert withProductName(String name) {
        return new Alert(kind, sku, factoryId, replenishmentId, reason, lastError, at, name, incident);
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
     * incident per factory and the time the outage began ({@link #factoryUnavailable}). A broken ledger
     * is one incident per product: its audit stops at the first line it cannot explain. A stuck
     * outbox is named by the replenishment of its oldest unpublished event and the hour: every
     * instance sees the same oldest event, and a later incident is a new one.
     */
    public String incidentKey() {
        if (incident != null) {
            return incident;
        }
        if (kind == Kind.OUTBOX_STUCK) {
            return kind + ":" + replenishmentId + ":" + at.truncatedTo(ChronoUnit.HOURS);
        }
        if (kind == Kind.LEDGER_BROKEN) {
            return kind + ":" + sku;
        }
        if (replenishmentId != null) {
            return kind + ":" + replenishmentId;
        }
        return kind + ":" + factoryId + ":" + at.truncatedTo(ChronoUnit.HOURS);
    }
}
