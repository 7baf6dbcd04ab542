package io.donutstates.stock;

import io.donutstates.service.ShopReads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health reports DOWN if any shelf disagrees with its newest ledger line, or the background audit
 * found a ledger line that does not add up. Its cost is two index look-ups per product, whatever the
 * history.
 */
@Component("ledgerHealthIndicator")
class StockLedgerHealth implements HealthIndicator {

    /** However many callers ask, the audit query runs at most once per this period. */
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final JdbcStockAudit audit;
    private final Clock clock;
    private Health last;
    private Instant lastAt = Instant.MIN;

    /** Over the read pool: a crowd of health checks never takes a purchase's connection. */
    StockLedgerHealth(ShopReads reads, Clock clock) {
        this.audit = reads.audit();
        this.clock = clock;
    }

    /** The latest verdict, read again once it is older than {@link #FRESH_FOR}; a database that cannot answer is DOWN. */
    @Override
    public synchronized Health health() {
        var now = clock.instant();
        if (last == null || Duration.between(lastAt, now).compareTo(FRESH_FOR) >= 0) {
            try {
                last = verdict(audit.audit());
            } catch (RuntimeException e) {
                last = Health.down().withDetail("error", "the ledger could not be read: " + e.getClass().getSimpleName())
                        .build();
            }
            lastAt = now;
        }
        return last;
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
