package io.donutstates.replenishment;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.Alerts;
import java.time.Clock;

/** Use case: a replenishment that cannot complete becomes FAILED, and ops hear of it once. */
public class GivingUpReplenishment {

    private final Replenishments replenishments;
    private final Alerts alerts;
    private final Clock clock;

    public GivingUpReplenishment(Replenishments replenishments, Alerts alerts, Clock clock) {
        this.replenishments = replenishments;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** @return true if this call failed it (and raised the alert); false if it was no longer open */
    public boolean giveUp(ReplenishmentId id, Alert.Kind kind, String reason, String lastError) {
        var found = replenishments.find(id);
        if (found.isEmpty() || !replenishments.markFailed(id, reason, clock.instant())) {
            return false;
        }
        var r = found.get();
        alerts.raise(new Alert(kind, r.sku().value(), r.factoryId().value(), id.toString(), reason,
                lastError != null ? lastError : r.lastError(), clock.instant()));
        return true;
    }
}
