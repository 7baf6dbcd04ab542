package io.donutstates.http;

import io.donutstates.audit.ArchivingTheLedger;
import io.donutstates.audit.LedgerArchive;
import io.donutstates.audit.ReplayingTheLedger;
import io.donutstates.stock.JdbcStockAudit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The books' admin endpoints, answered the same by every runtime: {@code GET /api/admin/invariants}
 * (does every shelf agree with its ledger?), the full replay of the ledger
 * ({@code POST}/{@code GET /api/admin/ledger/replay}) and the archive of old books
 * ({@code POST}/{@code GET /api/admin/ledger/archive}); replay and archive run in the background.
 */
public final class LedgerAuditEndpoints {

    /** An archive request as the API shows it. */
    public record ArchiveView(Instant before, String status, long linesRemoved, long salesRemoved, Instant askedAt,
                              Instant finishedAt) {
        static ArchiveView of(LedgerArchive.Request r) {
            return new ArchiveView(r.before(), r.running() ? "RUNNING" : "DONE", r.linesRemoved(), r.salesRemoved(),
                    r.askedAt(), r.finishedAt().orElse(null));
        }
    }

    private final JdbcStockAudit audit;
    private final ReplayingTheLedger replaying;
    private final ArchivingTheLedger archiving;

    public LedgerAuditEndpoints(JdbcStockAudit audit, ReplayingTheLedger replaying, ArchivingTheLedger archiving) {
        this.audit = audit;
        this.replaying = replaying;
        this.archiving = archiving;
    }

    public HttpReply invariants() {
        return new HttpReply(200, audit.audit());
    }

    /** Starts a full replay through the newest line (or answers the one already running): 202. */
    public HttpReply startReplay() {
        replaying.start();
        return new HttpReply(202, audit.replay());
    }

    public HttpReply replay() {
        var progress = audit.replay();
        return progress == null
                ? HttpReply.error(404, "NO_REPLAY", "no ledger replay was started; POST /api/admin/ledger/replay starts one")
                : new HttpReply(200, progress);
    }

    /**
     * Archives the books older than {@code before} (an ISO date, UTC midnight, or an instant) in the
     * background, once they are exported: 202; 400 for a bad or too recent time; 409 while one runs.
     */
    public HttpReply archive(String body) {
        Instant before = instant(JsonBodies.text(JsonBodies.object(body), "before"));
        try {
            return new HttpReply(202, ArchiveView.of(archiving.ask(before)));
        } catch (IllegalStateException running) {
            return HttpReply.error(409, "ARCHIVE_RUNNING", running.getMessage());
        }
    }

    public HttpReply archiveStatus() {
        return archiving.status().map(r -> new HttpReply(200, ArchiveView.of(r)))
                .orElseGet(() -> HttpReply.error(404, "NO_ARCHIVE",
                        "no archive was asked for; POST /api/admin/ledger/archive {\"before\":\"2026-01-01\"} asks for one"));
    }

    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("before must be a date (2026-01-01) or an instant (2026-01-01T00:00:00Z), got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
    }
}
