package io.donutstates.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.shared.TestClock;
import io.donutstates.shared.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alerts against a real MariaDB: one per incident key, a delivery per channel, due again after a failure. */
class JdbcAlertsTest {

    private static HikariDataSource database;
    private final TestClock clock = new TestClock();
    private JdbcAlerts alerts;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.fresh();
    }

    @BeforeEach
    void noAlertsYet() {
        JdbcClient.create(database).sql("DELETE FROM alert_delivery").update();
        JdbcClient.create(database).sql("DELETE FROM alert").update();
        alerts = new JdbcAlerts(database, List.of("webhook", "email"), clock);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    private Alert aFailedReplenishment(String replenishment, String reason) {
        return new Alert(Alert.Kind.REPLENISHMENT_FAILED, "CP-1", "FF-500293", replenishment, reason, "503",
                clock.instant());
    }

    @Test
    void an_incident_raised_many_times_is_one_alert_with_one_delivery_per_channel() {
        alerts.raise(aFailedReplenishment("r-1", "first notice"));
        alerts.raise(aFailedReplenishment("r-1", "second notice"));
        alerts.raise(aFailedReplenishment("r-2", "another incident"));

        assertThat(alerts.recent(10)).extracting(Alert::reason).containsExactly("another incident", "first notice");
        assertThat(alerts.lockDue(clock.instant(), 10)).extracting(AlertDeliveries.Pending::channel)
                .containsExactlyInAnyOrder("webhook", "email", "webhook", "email");
    }

    @Test
    void a_sent_delivery_is_done_and_a_failed_one_is_due_again_at_its_next_attempt() {
        alerts.raise(aFailedReplenishment("r-1", "factory down"));
        var due = alerts.lockDue(clock.instant(), 10);
        long alertId = due.get(0).alertId();
        assertThat(due.get(0).alert().reason()).isEqualTo("factory down");

        alerts.markSent(alertId, "webhook", clock.instant());
        Instant retryAt = clock.instant().plusSeconds(8);
        alerts.markFailed(alertId, "email", "smtp refused", retryAt);

        assertThat(alerts.lockDue(retryAt.minusMillis(1), 10)).isEmpty();
        assertThat(alerts.lockDue(retryAt, 10)).singleElement().satisfies(pending -> {
            assertThat(pending.channel()).isEqualTo("email");
            assertThat(pending.attempts()).isEqualTo(1);
        });
    }
}
