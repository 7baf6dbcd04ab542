package io.donutstates.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The shop's health components as metrics, for alert rules that cannot read {@code /actuator/health}:
 * {@code donut_health{component}} (1 UP, 0.5 DEGRADED, 0 DOWN or not known yet) and
 * {@code donut_ledger_violations} (products whose shelf disagrees with their ledger or whose audit
 * found a line that does not add up). Each component reports its latest background reading, so a
 * scrape costs what a health check costs.
 */
@Component
class HealthGauges {

    /** Component name, then the bean that reports it. */
    private static final List<String> COMPONENTS = List.of("db", "queues", "outbox", "factory", "ledger");

    HealthGauges(Map<String, HealthIndicator> indicators, MeterRegistry meters) {
        for (String component : COMPONENTS) {
            HealthIndicator indicator = indicators.get(component + "HealthIndicator");
            if (indicator == null) {
                continue;
            }
            Gauge.builder("donut.health", indicator, HealthGauges::value).tag("component", component)
                    .description("health component as a number: 1 UP, 0.5 DEGRADED (sales go on), 0 DOWN or not known yet")
                    .register(meters);
            if (component.equals("ledger")) {
                Gauge.builder("donut.ledger.violations", indicator, HealthGauges::violations)
                        .description("products whose stock disagrees with their newest ledger line or whose ledger "
                                + "audit found a line that does not add up (NaN when the ledger cannot be read)")
                        .register(meters);
            }
        }
    }

    static double value(HealthIndicator indicator) {
        Status status;
        try {
            status = indicator.health().getStatus();
        } catch (RuntimeException e) {
            return 0;
        }
        if (Status.UP.equals(status)) {
            return 1;
        }
        return Degraded.STATUS.equals(status) ? 0.5 : 0;
    }

    static double violations(HealthIndicator indicator) {
        Health health;
        try {
            health = indicator.health();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
        return health.getDetails().get("violations") instanceof Collection<?> broken ? broken.size() : Double.NaN;
    }
}
