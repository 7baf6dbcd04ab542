package io.donutstates.stock;

import io.donutstates.http.LedgerAuditEndpoints;
import io.donutstates.web.Replies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/invariants}: does every shelf agree with its ledger? And the full replay of
 * the ledger and the archive of old books, which an operator starts here and which run in the
 * background; answered by {@link LedgerAuditEndpoints}.
 */
@RestController
class StockAuditController {

    private final LedgerAuditEndpoints endpoints;

    StockAuditController(LedgerAuditEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/api/admin/invariants")
    ResponseEntity<Object> invariants() {
        return Replies.send(endpoints.invariants());
    }

    @PostMapping("/api/admin/ledger/replay")
    ResponseEntity<Object> startReplay() {
        return Replies.send(endpoints.startReplay());
    }

    @GetMapping("/api/admin/ledger/replay")
    ResponseEntity<Object> replay() {
        return Replies.send(endpoints.replay());
    }

    @PostMapping("/api/admin/ledger/archive")
    ResponseEntity<Object> archive(@RequestBody String body) {
        return Replies.send(endpoints.archive(body));
    }

    @GetMapping("/api/admin/ledger/archive")
    ResponseEntity<Object> archive() {
        return Replies.send(endpoints.archiveStatus());
    }
}
