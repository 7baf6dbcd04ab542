package io.donutstates.alerting;

import java.time.Instant;

/** Something the operations team must hear about, such as a replenishment that failed. */
public record Alert(Kind kind, String sku, String factoryId, String replenishmentId, String reason,
                    String lastError, Instant at) {

    /** The kinds of incident ops are told about. */
    public enum Kind { REPLENISHMENT_FAILED, DEAD_LETTERED, REPLENISHMENT_STUCK, FACTORY_UNAVAILABLE }

    /** One incident, one alert: the key under which repeats are recognised. */
    public String incidentKey() {
        return kind + ":" + (replenishmentId != null ? replenishmentId : factoryId);
    }
}
