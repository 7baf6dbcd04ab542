package io.donutstates.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.shared.SqlTime;
import io.donutstates.shared.TestDatabase;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox against a real MariaDB: what is due, how a failed attempt is kept, and relays that never share a row. */
class JdbcOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private static HikariDataSource database;
    private static JdbcOutbox outbox;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.fresh();
        outbox = new JdbcOutbox(database);
    }

    @BeforeEach
    void emptyOutbox() {
        JdbcClient.create(database).sql("DELETE FROM outbox_event").update();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    private static StockRanOut anEvent(String sku) {
        return new StockRanOut(UUID.randomUUID(), ReplenishmentId.random(), Sku.of(sku), new FactoryId("FF-500293"),
                Quantity.of(10), T0);
    }

    private List<String> dueSkus(Instant now) {
        return outbox.lockDue(now, 100).stream().map(e -> e.event().sku().value()).toList();
    }

    @Test
    void an_event_comes_back_whole_and_is_due_until_published() {
        var event = anEvent("CP-1");
        outbox.append(event);

        assertThat(outbox.lockDue(T0, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo(event);
            assertThat(entry.attempts()).isZero();
        });

        outbox.markPublished(outbox.lockDue(T0, 10).get(0).id(), T0);
        assertThat(outbox.lockDue(T0.plusSeconds(3600), 10)).isEmpty();
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void a_failed_attempt_keeps_its_error_and_the_event_is_due_again_only_after_its_delay() {
        outbox.append(anEvent("CP-1"));
        outbox.append(anEvent("CP-2"));
        long first = outbox.lockDue(T0, 10).get(0).id();

        outbox.markAttemptFailed(first, "topic refused", T0.plusSeconds(4));

        assertThat(dueSkus(T0.plusSeconds(3))).containsExactly("CP-2");
        assertThat(dueSkus(T0.plusSeconds(4))).containsExactlyInAnyOrder("CP-1", "CP-2");
        var row = JdbcClient.create(database).sql("SELECT attempts, last_error, next_attempt_at FROM outbox_event WHERE id = :id")
                .param("id", first).query((rs, n) -> List.of(rs.getInt(1), rs.getString(2), SqlTime.read(rs, 3))).single();
        assertThat(row).containsExactly(1, "topic refused", T0.plusSeconds(4));
        assertThat(outbox.lockDue(T0.plusSeconds(4), 10)).filteredOn(e -> e.id() == first)
                .singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
    }

    @Test
    void two_relays_at_once_take_different_events_and_neither_waits() throws Exception {
        for (int i = 1; i <= 4; i++) {
            outbox.append(anEvent("CP-" + i));
        }
        var transactions = new SpringJdbcTransactions(database);
        var firstHolds = new CountDownLatch(1);
        var secondDone = new CountDownLatch(1);

        var first = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
            var held = outbox.lockDue(T0, 2).stream().map(e -> e.event().sku().value()).toList();
            firstHolds.countDown();
            await(secondDone);
            return held;
        }));
        await(firstHolds);
        var second = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> dueSkus(T0)))
                .get(20, TimeUnit.SECONDS);
        secondDone.countDown();

        assertThat(first.get(20, TimeUnit.SECONDS)).containsExactly("CP-1", "CP-2");
        assertThat(second).containsExactly("CP-3", "CP-4");
    }

    @Test
    void the_backlog_names_the_oldest_waiting_event_and_counts_only_up_to_its_cap() {
        assertThat(outbox.backlog(10)).isEqualTo(OutboxBacklog.EMPTY);
        var oldest = anEvent("CP-1");
        outbox.append(oldest);
        outbox.append(anEvent("CP-2"));
        outbox.append(anEvent("CP-3"));
        outbox.markAttemptFailed(outbox.lockDue(T0, 1).get(0).id(), "topic refused", T0.plusSeconds(1));

        var backlog = outbox.backlog(2);

        assertThat(backlog.oldest()).contains(oldest);
        assertThat(backlog.oldestAttempts()).isEqualTo(1);
        assertThat(backlog.lastError()).isEqualTo("topic refused");
        assertThat(backlog.pendingText()).isEqualTo("2+");
        assertThat(outbox.backlog(10).pendingText()).isEqualTo("3");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other relay did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
