package io.donutstates.alerting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The channel that is always there: every alert goes to the log at ERROR. */
@Component
class LoggingAlerts implements Alerts {

    private static final Logger log = LoggerFactory.getLogger("io.donutstates.alerts");

    @Override
    public void raise(Alert alert) {
        log.error("ALERT {} sku={} factory={} replenishment={}: {} (last error: {})", alert.kind(), alert.sku(),
                alert.factoryId(), alert.replenishmentId(), alert.reason(), alert.lastError());
    }
}
