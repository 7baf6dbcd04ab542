package io.donutstates.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.shared.DurationText;
import io.donutstates.stock.JdbcStockAudit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ledger} health component: DOWN if any shelf disagrees with its newest ledger line, or the
 * background audit found a ledger line that does not add up. The check (two index look-ups per
 * product, whatever the history) runs once a second in the background over the probe's own
 * connections ({@code donut-probe}), never over the read pool: a crowd of readers holding every read
 * connection neither delays a health check nor makes the books look broken, and a health check
 * itself never touches the database. A database that cannot answer, or no reading for 10 s, is DOWN.
 */
@Component("ledgerHealthIndicator")
class StockLedgerHealth extends EverySecond implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StockLedgerHealth.class);
    /** A reading older than this (the reader itself is stuck) counts as a failure. */
    private static final Duration STALE = Duration.ofSeconds(10);

    private record Reading(Instant at, Health health) { }

    private final JdbcStockAudit audit;
    private final Clock clock;
    private volatile Reading last;

    StockLedgerHealth(@Qualifier("probe") HikariDataSource probe, Clock clock) {
        super("donut-ledger-health");
        this.audit = new JdbcStockAudit(probe);
        this.clock = clock;
    }

    @Override
    void takeReading() {
        Instant now = clock.instant();
        Health health;
        try {
            health = verdict(audit.audit());
        } catch (RuntimeException e) {
            log.debug("the ledger could not be read for health: {}", e.toString());
            health = Health.down().withDetail("error", "the ledger could not be read: " + e.getClass().getSimpleName())
                    .build();
        }
        last = new Reading(now, health);
    }

    /** The latest background reading; a health check itself never queries anything. */
    @Override
    public Health health() {
        Reading reading = last;
        if (reading == null) {
            return Health.unknown().withDetail("error", "not checked yet").build();
        }
        Duration age = Duration.between(reading.at(), clock.instant());
        if (age.compareTo(STALE) > 0) {
            return Health.down().withDetail("error", "no reading of the ledger for " + DurationText.of(age))
                    .withDetail("checkedAt", reading.at()).build();
        }
        return Health.status(reading.health().getStatus()).withDetails(reading.health().getDetails())
                .withDetail("checkedAt", reading.at()).build();
    }

    private static Health verdict(JdbcStockAudit.Report report) {
        var broken = report.products().stream().filter(p -> !p.holds()).toList();
        return (report.holds() ? Health.up() : Health.down())
                .withDetail("products", report.products().size())
                .withDetail("auditCaughtUp", report.products().stream().allMatch(JdbcStockAudit.ProductAudit::caughtUp))
                .withDetail("violations", broken)
                .build();
    }
}
