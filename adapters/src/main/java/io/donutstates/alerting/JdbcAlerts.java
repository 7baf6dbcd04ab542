package io.donutstates.alerting;

import io.donutstates.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alerts recorded in MySQL/MariaDB: the unique incident key admits one alert per incident however
 * many workers or instances notice it; each configured channel gets a delivery row, sent later.
 */
public class JdbcAlerts implements Alerts, AlertDeliveries, RecentAlerts {

    private static final Logger log = LoggerFactory.getLogger("io.donutstates.alerts");

    private final JdbcClient jdbc;
    private final List<String> channels;
    private final Clock clock;

    public JdbcAlerts(DataSource dataSource, List<String> channels, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.channels = List.copyOf(channels);
        this.clock = clock;
    }

    @Override
    public void raise(Alert alert) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO alert (incident_key, kind, sku, factory_id, replenishment_id, reason,
                                                  last_error, raised_at)
                        VALUES (:key, :kind, :sku, :factory, :replenishment, :reason, :lastError, :at)
                        """)
                .param("key", alert.incidentKey())
                .param("kind", alert.kind().name())
                .param("sku", alert.sku())
                .param("factory", alert.factoryId())
                .param("replenishment", alert.replenishmentId())
                .param("reason", cut(alert.reason()))
                .param("lastError", cut(alert.lastError()))
                .param("at", SqlTime.utc(alert.at()))
                .update(keys, "id");
        if (inserted == 0) {
            return;
        }
        log.error("ALERT {} sku={} factory={} replenishment={}: {} (last error: {})", alert.kind(), alert.sku(),
                alert.factoryId(), alert.replenishmentId(), alert.reason(), alert.lastError());
        long alertId = keys.getKey().longValue();
        for (String channel : channels) {
            jdbc.sql("INSERT INTO alert_delivery (alert_id, channel, next_attempt_at) VALUES (:id, :channel, :at)")
                    .param("id", alertId).param("channel", channel).param("at", SqlTime.utc(clock.instant()))
                    .update();
        }
    }

    /** The newest alerts first. */
    @Override
    public List<Alert> recent(int limit) {
        return jdbc.sql("""
                        SELECT a.*, (SELECT p.name FROM product p WHERE p.sku = a.sku) AS product_name
                        FROM alert a ORDER BY a.id DESC LIMIT :limit
                        """)
                .param("limit", limit).query(JdbcAlerts::alert).list();
    }

    @Override
    public List<Pending> lockDue(java.time.Instant now, int limit) {
        return jdbc.sql("""
                        SELECT d.alert_id, d.channel, d.attempts, a.*,
                               (SELECT p.name FROM product p WHERE p.sku = a.sku) AS product_name
                        FROM alert_delivery d JOIN alert a ON a.id = d.alert_id
                        WHERE d.sent_at IS NULL AND d.next_attempt_at <= :now
                        ORDER BY d.next_attempt_at LIMIT :limit
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, row) -> new Pending(rs.getLong("alert_id"), rs.getString("channel"),
                        rs.getInt("attempts"), alert(rs, row)))
                .list();
    }

    @Override
    public void markSent(long alertId, String channel, java.time.Instant at) {
        jdbc.sql("""
                        UPDATE alert_delivery SET sent_at = :at, attempts = attempts + 1, last_error = NULL
                        WHERE alert_id = :id AND channel = :channel
                        """)
                .param("at", SqlTime.utc(at)).param("id", alertId).param("channel", channel).update();
    }

    @Override
    public void markFailed(long alertId, String channel, String error, java.time.Instant nextAttempt) {
        jdbc.sql("""
                        UPDATE alert_delivery SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        WHERE alert_id = :id AND channel = :channel
                        """)
                .param("error", cut(error)).param("next", SqlTime.utc(nextAttempt))
                .param("id", alertId).param("channel", channel).update();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(Alert.Kind.valueOf(rs.getString("kind")), rs.getString("sku"), rs.getString("factory_id"),
                rs.getString("replenishment_id"), rs.getString("reason"), rs.getString("last_error"),
                SqlTime.read(rs, "raised_at"), rs.getString("product_name"), rs.getString("incident_key"));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
