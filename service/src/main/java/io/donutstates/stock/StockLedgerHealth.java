package io.donutstates.stock;

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

    private final JdbcStockAudit audit;

    StockLedgerHealth(JdbcStockAudit audit) {
        this.audit = audit;
    }

    @Override
    public Health health() {
        var report = audit.audit();
        var broken = report.products().stream().filter(p -> !p.holds()).toList();
        return (report.holds() ? Health.up() : Health.down())
                .withDetail("products", report.products().size())
                .withDetail("auditCaughtUp", report.products().stream().allMatch(JdbcStockAudit.ProductAudit::caughtUp))
                .withDetail("violations", broken)
                .build();
    }
}
