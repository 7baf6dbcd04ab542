package io.donutstates.allinone;

import io.donutstates.replenishment.StockEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.messaging.JdbcOutbox;
import io.donutstates.messaging.OutboxBacklog;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.shared.Database;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The relay's and the outbox watch's reads stay on the unpublished events: the rows the database
 * reads for them are the same with 100,000 published events in the table as with none, and an event
 * waiting out its backoff is not handed to the relay. Counted with the server's handler counters.
 */
class OutboxCostTest {

    private static SingleConnectionDataSource database;
    private static JdbcClient jdbc;
    private static JdbcOutbox outbox;

    @BeforeAll
    static void openDatabase() throws SQLException {
        String url = SharedMariaDb.freshDatabaseUrl();
        try (var pool = Database.open(new Database.Settings(url, SharedMariaDb.USER, SharedMariaDb.password(), 2, Duration.ofSeconds(10)))) {
            Database.migrate(pool, true);
        }
        database = new SingleConnectionDataSource(url, SharedMariaDb.USER, SharedMariaDb.password(), true);
        jdbc = JdbcClient.create(database);
        outbox = new JdbcOutbox(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.destroy();
    }

    @Test
    void due_events_and_the_backlog_are_read_without_reading_published_history() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        outbox.append(event("CP-502101", now.minusSeconds(90)));
        outbox.append(event("CP-502102", now.minusSeconds(30)));
        outbox.append(event("CP-502103", now.minusSeconds(10)));
        long waiting = outbox.lockDue(now, 50).stream().filter(e -> e.event().sku().value().equals("CP-502102"))
                .findFirst().orElseThrow().id();
        outbox.markAttemptFailed(waiting, "SnsException: throttled", now.plusSeconds(5));
        outbox.lockDue(now, 50); // the first statements on a connection open the tables, which reads a few rows more
        outbox.backlog(10_000);

        long dueShort = rowsReadBy(() -> outbox.lockDue(now, 50));
        long backlogShort = rowsReadBy(() -> outbox.backlog(10_000));
        publishedHistory(100_000, now.minus(Duration.ofHours(1)));
        long dueLong = rowsReadBy(() -> outbox.lockDue(now, 50));
        long backlogLong = rowsReadBy(() -> outbox.backlog(10_000));

        assertThat(outbox.lockDue(now, 50)).extracting(e -> e.event().sku().value())
                .as("the event waiting out its backoff is not due").containsExactly("CP-502101", "CP-502103");
        assertThat(outbox.lockDue(now.plusSeconds(5), 50)).hasSize(3);
        OutboxBacklog<StockEvent> backlog = outbox.backlog(10_000);
        assertThat(backlog.pendingText()).isEqualTo("3");
        assertThat(backlog.oldest().orElseThrow().sku().value()).isEqualTo("CP-502101");
        assertThat(backlog.oldestAge(now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(dueLong).as("rows read for the due events after 100,000 published ones").isEqualTo(dueShort)
                .isLessThan(50);
        assertThat(backlogLong).as("rows read for the backlog after 100,000 published ones").isEqualTo(backlogShort)
                .isLessThan(50);
    }

    @Test
    void the_backlog_count_stops_at_its_cap() {
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, event_type, replenishment_id, payload, created_at)
                        SELECT UUID(), 'StockRanOut', UUID(), :payload, UTC_TIMESTAMP(3) FROM seq_1_to_120
                        """).param("payload", jsonOf(event("CP-502104", Instant.now()))).update();

        OutboxBacklog<StockEvent> backlog = outbox.backlog(100);

        assertThat(backlog.pending()).isEqualTo(100);
        assertThat(backlog.more()).isTrue();
        assertThat(backlog.pendingText()).isEqualTo("100+");
        jdbc.sql("UPDATE outbox_event SET published_at = UTC_TIMESTAMP(3) WHERE published_at IS NULL").update();
    }

    private static StockRanOut event(String sku, Instant at) {
        return new StockRanOut(UUID.randomUUID(), ReplenishmentId.random(), Sku.of(sku), new FactoryId("FF-500293"),
                Quantity.of(10), at);
    }

    private static String jsonOf(StockRanOut event) {
        return io.donutstates.messaging.StockEventJson.encode(event);
    }

    private static void publishedHistory(int count, Instant at) {
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, event_type, replenishment_id, payload, created_at,
                                                  published_at, attempts)
                        SELECT UUID(), 'StockRanOut', UUID(), '{}', :at, :at, 1 FROM seq_1_to_%d
                        """.formatted(count)).param("at", io.donutstates.shared.SqlTime.utc(at)).update();
    }

    /** Rows the server read (every Handler_read_* counter) on this connection while the work ran. */
    private static long rowsReadBy(Supplier<?> work) {
        long before = handlerReads();
        work.get();
        return handlerReads() - before;
    }

    private static long handlerReads() {
        return jdbc.sql("SHOW SESSION STATUS LIKE 'Handler_read%'")
                .query((rs, row) -> rs.getLong(2)).list().stream().mapToLong(Long::longValue).sum();
    }
}
