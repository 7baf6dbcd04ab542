package io.donutstates.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.alerting.Alert;
import io.donutstates.alerting.Alerts;
import io.donutstates.shared.DurationText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component: the database is asked {@code SELECT 1} once a second in the
 * background over a connection of its own ({@code donut-probe}: buyers holding every purchase
 * connection, or readers holding the read pool, do not make a live database look dead), and health
 * reports the latest answer with both pools' use; a health check
 * itself never touches the database. Losing the database is logged at ERROR when noticed, and its
 * return at WARN with a {@code DATABASE_UNAVAILABLE} alert saying for how long it was gone (the
 * alert is kept in that very database, so it can only be recorded once it is back).
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends EverySecond implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
    /** A probe older than this (the prober itself is stuck) counts as a failure. */
    private static final Duration STALE = Duration.ofSeconds(10);

    private record Probe(Instant at, String error) { }

    private final HikariDataSource purchases;
    private final HikariDataSource reads;
    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final Clock clock;
    private volatile Probe last;
    private Instant downSince;
    private Alert unreported;

    DatabaseHealth(HikariDataSource dataSource, @Qualifier("reads") HikariDataSource reads,
                   @Qualifier("probe") HikariDataSource probe, Alerts alerts, Clock clock) {
        super("donut-db-probe");
        this.purchases = dataSource;
        this.reads = reads;
        this.jdbc = JdbcClient.create(probe);
        this.alerts = alerts;
        this.clock = clock;
    }

    void probe() {
        Instant now = clock.instant();
        String error = null;
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        last = new Probe(now, error);
        if (error != null && downSince == null) {
            downSince = now;
            log.error("the database cannot be reached; purchases are answered 503 until it is back: {}", error);
        } else if (error == null && downSince != null) {
            Duration gone = Duration.between(downSince, now);
            log.warn("the database answers again after {}", DurationText.of(gone));
            unreported = new Alert(Alert.Kind.DATABASE_UNAVAILABLE, null, null, null,
                    "the database could not be reached for " + DurationText.of(gone) + " (from " + downSince
                            + "); purchases in that time were answered 503", null, now);
            downSince = null;
        }
        if (error == null && unreported != null) {
            report();
        }
    }

    /** The alert is kept in the database: tried at every probe until the purchase pool takes it too. */
    private void report() {
        try {
            alerts.raise(unreported);
            unreported = null;
        } catch (RuntimeException e) {
            log.debug("the database outage alert waits for the next probe: {}", e.toString());
        }
    }

    @Override
    public Health health() {
        Probe probe = last;
        Instant now = clock.instant();
        Health.Builder health;
        if (probe == null) {
            health = Health.unknown().withDetail("error", "not checked yet");
        } else if (probe.error() != null) {
            health = Health.down().withDetail("error", probe.error());
        } else if (Duration.between(probe.at(), now).compareTo(STALE) > 0) {
            health = Health.down().withDetail("error", "no answer from the database for "
                    + DurationText.of(Duration.between(probe.at(), now)));
        } else {
            health = Health.up();
        }
        if (probe != null) {
            health.withDetail("checkedAt", probe.at());
        }
        return health.withDetail("pools", Map.of("donut-db", use(purchases), "donut-reads", use(reads))).build();
    }

    private static Map<String, Object> use(HikariDataSource pool) {
        Map<String, Object> use = new LinkedHashMap<>();
        var bean = pool.getHikariPoolMXBean();
        use.put("size", pool.getMaximumPoolSize());
        if (bean != null) {
            use.put("active", bean.getActiveConnections());
            use.put("idle", bean.getIdleConnections());
            use.put("waiting", bean.getThreadsAwaitingConnection());
        }
        return use;
    }

    @Override
    void takeReading() {
        try {
            probe();
        } catch (RuntimeException e) {
            log.warn("database probe failed: {}", e.toString());
        }
    }
}
