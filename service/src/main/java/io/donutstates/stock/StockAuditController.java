package io.donutstates.stock;

import io.donutstates.audit.ArchivingTheLedger;
import io.donutstates.audit.LedgerArchive;
import io.donutstates.audit.ReplayingTheLedger;
import io.donutstates.http.JsonBodies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.RequestBody;
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
    private final ArchivingTheLedger archiving;

    StockAuditController(JdbcStockAudit audit, ReplayingTheLedger replaying, ArchivingTheLedger archiving) {
        this.audit = audit;
        this.replaying = replaying;
        this.archiving = archiving;
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

    /**
     * Archives the books older than {@code before} (an ISO date, UTC midnight, or an instant) in the
     * background, once they are exported: 202; 400 for a bad or too recent time; 409 while one runs.
     */
    @PostMapping("/api/admin/ledger/archive")
    ResponseEntity<?> archive(@RequestBody String body) {
        Instant before = instant(JsonBodies.text(JsonBodies.object(body), "before"));
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ArchiveView.of(archiving.ask(before)));
        } catch (IllegalStateException running) {
            return Replies.send(HttpReply.error(409, "ARCHIVE_RUNNING", running.getMessage()));
        }
    }

    @GetMapping("/api/admin/ledger/archive")
    ResponseEntity<?> archive() {
        return archiving.status().<ResponseEntity<?>>map(r -> ResponseEntity.ok(ArchiveView.of(r)))
                .orElseGet(() -> Replies.send(HttpReply.error(404, "NO_ARCHIVE",
                        "no archive was asked for; POST /api/admin/ledger/archive {\"before\":\"2026-01-01\"} asks for one")));
    }

    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("before must be a date (2026-01-01) or an instant (2026-01-01T00:00:00Z), got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
    }

    /** An archive request as the API shows it. */
    record ArchiveView(Instant before, String status, long linesRemoved, long salesRemoved, Instant askedAt,
                       Instant finishedAt) {
        static ArchiveView of(LedgerArchive.Request r) {
            return new ArchiveView(r.before(), r.running() ? "RUNNING" : "DONE", r.linesRemoved(), r.salesRemoved(),
                    r.askedAt(), r.finishedAt().orElse(null));
        }
    }
}
