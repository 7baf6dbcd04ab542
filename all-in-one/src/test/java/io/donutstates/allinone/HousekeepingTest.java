package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.shared.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service's background jobs purge old history and say so in their metrics, next to the table sizes. */
class HousekeepingTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_PURGE_INTERVAL", "1s", "DONUT_RETENTION_OUTBOX", "1h");

    @Test
    void old_published_events_are_purged_counted_and_the_table_sizes_exported() {
        var jdbc = JdbcClient.create(shop.shop().context().getBean(DataSource.class));
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        String eventId = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, event_type, replenishment_id, payload, created_at, published_at)
                        VALUES (:event, 'StockRanOut', :replenishment, '{}', :at, :at)
                        """)
                .param("event", eventId).param("replenishment", UUID.randomUUID().toString())
                .param("at", SqlTime.utc(twoHoursAgo)).update();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM outbox_event WHERE event_id = :event").param("event", eventId)
                .query(Long.class).single() == 0);

        String metrics = shop.metrics();
        assertThat(metrics).containsPattern("(?m)^donut_purged_rows_total\\{[^}]*table=\"outbox_event\"[^}]*\\} [1-9]");
        for (String table : new String[] {"sale", "stock_movement", "outbox_event", "sale_receipt", "alert",
                "replenishment"}) {
            assertThat(metrics).containsPattern("(?m)^donut_table_rows\\{[^}]*table=\"" + table + "\"[^}]*\\} [0-9]");
            assertThat(metrics).containsPattern("(?m)^donut_table_bytes\\{[^}]*table=\"" + table + "\"[^}]*\\} [1-9]");
        }
    }
}
