package io.donutstates.stock;

import io.donutstates.audit.ArchivingTheLedger;
import io.donutstates.audit.FollowingTheLedger;
import io.donutstates.audit.ReplayingTheLedger;
import io.donutstates.service.DonutProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the ledger in the background: new lines every interval, and a running full replay and
 * archive a turn at a time, with their progress in the log. Each turn is bounded in time, so a long history or a
 * crowd never makes one turn hold a connection for long.
 */
@Component
class LedgerAuditJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerAuditJob.class);
    /** One turn's time: long enough to read tens of thousands of lines, short enough to stay out of the way. */
    private static final Duration TURN = Duration.ofMillis(500);
    /**
     * An operator's replay or archive gets longer turns: at 500 ms a turn and a second between turns
     * a full replay of 22.5 million lines checked about 40,000 lines/s on 2 cores.
     */
    private static final Duration JOB_TURN = Duration.ofSeconds(2);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final DonutProperties donut;
    private final FollowingTheLedger following;
    private final ReplayingTheLedger replaying;
    private final ArchivingTheLedger archiving;
    private final JdbcStockAudit audit;
    private ScheduledExecutorService scheduler;
    private long lastProgress = System.nanoTime();

    LedgerAuditJob(DonutProperties donut, FollowingTheLedger following, ReplayingTheLedger replaying,
                   ArchivingTheLedger archiving, JdbcStockAudit audit) {
        this.donut = donut;
        this.following = following;
        this.replaying = replaying;
        this.archiving = archiving;
        this.audit = audit;
    }

    @Override
    public void start() {
        if (!donut.jobs().enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "donut-ledger-audit");
            thread.setDaemon(true);
            return thread;
        });
        long every = donut.ledger().auditInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::turn, every, every, TimeUnit.MILLISECONDS);
    }

    private void turn() {
        int chunk = donut.ledger().auditChunk();
        try {
            following.catchUp(chunk, TURN);
        } catch (RuntimeException e) {
            log.warn("ledger audit failed, trying again in {}: {}", donut.ledger().auditInterval(), e.toString());
        }
        try {
            if (replaying.step(chunk, JOB_TURN) > 0) {
                reportReplayProgress();
            }
        } catch (RuntimeException e) {
            log.warn("ledger replay failed, carrying on in {}: {}", donut.ledger().auditInterval(), e.toString());
        }
        try {
            long removed = archiving.step(chunk, JOB_TURN);
            if (removed > 0) {
                log.info("ledger archive removed {} old ledger line(s) and sale(s) this turn", removed);
            }
        } catch (RuntimeException e) {
            log.warn("ledger archive failed, carrying on in {}: {}", donut.ledger().auditInterval(), e.toString());
        }
    }

    private void reportReplayProgress() {
        var progress = audit.replay();
        boolean done = progress != null && !"RUNNING".equals(progress.status());
        if (progress == null || (!done && System.nanoTime() - lastProgress < PROGRESS_EVERY_NANOS)) {
            return;
        }
        lastProgress = System.nanoTime();
        long percent = progress.aboutTotal() == 0 ? 100 : Math.min(100, 100 * progress.checked() / progress.aboutTotal());
        log.info("ledger replay {}: {} of about {} lines checked ({} %)", done ? "done" : "running",
                progress.checked(), progress.aboutTotal(), done ? 100 : percent);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
