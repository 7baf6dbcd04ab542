package io.donutstates.stock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/invariants}: does every shelf agree with its ledger? */
@RestController
class StockAuditController {

    private final JdbcStockAudit audit;

    StockAuditController(JdbcStockAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/invariants")
    JdbcStockAudit.Report invariants() {
        return audit.audit();
    }
}
