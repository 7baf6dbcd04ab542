package io.donutstates.stock;

import io.donutstates.audit.ReplayingTheLedger;
import io.donutstates.http.HttpReply;
import io.donutstates.web.Replies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/invariants}: does every shelf agree with its ledger? And the full replay of
 * the ledger, which an operator starts here and which runs in the background.
 */
@RestController
class StockAuditController {

    private final JdbcStockAudit audit;
    private final ReplayingTheLedger replaying;

    StockAuditController(JdbcStockAudit audit, ReplayingTheLedger replaying) {
        this.audit = audit;
        this.replaying = replaying;
    }

    @GetMapping("/api/admin/invariants")
    JdbcStockAudit.Report invariants() {
        return audit.audit();
    }

    /** Starts a full replay through the newest line (or answers the one already running): 202. */
    @PostMapping("/api/admin/ledger/replay")
    ResponseEntity<JdbcStockAudit.ReplayProgress> startReplay() {
        replaying.start();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(audit.replay());
    }

    @GetMapping("/api/admin/ledger/replay")
    ResponseEntity<?> replay() {
        var progress = audit.replay();
        return progress == null
                ? Replies.send(HttpReply.error(404, "NO_REPLAY",
                        "no ledger replay was started; POST /api/admin/ledger/replay starts one"))
                : ResponseEntity.ok(progress);
    }
}
