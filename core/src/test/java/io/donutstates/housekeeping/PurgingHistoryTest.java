package io.donutstates.housekeeping;

import static io.donutstates.housekeeping.History.DELIVERED_ALERTS;
import static io.donutstates.housekeeping.History.EXPIRED_RECEIPTS;
import static io.donutstates.housekeeping.History.PUBLISHED_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PurgingHistoryTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final RetentionPeriods RETENTION =
            new RetentionPeriods(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(30));

    private final InMemoryPurgeableTables tables = new InMemoryPurgeableTables();
    private final CountingTransactions transactions = new CountingTransactions();

    private PurgingHistory purgeInBatchesOf(int batchSize, int maxBatches) {
        return new PurgingHistory(tables, transactions, Clock.fixed(NOW, ZoneOffset.UTC), RETENTION, batchSize,
                maxBatches);
    }

    @Test
    void deletes_in_batches_until_a_batch_comes_back_short() {
        tables.add(PUBLISHED_EVENTS, 25, NOW.minus(Duration.ofHours(2)));

        Purged purged = purgeInBatchesOf(10, 100).purge();

        assertThat(purged.removed(PUBLISHED_EVENTS)).isEqualTo(25);
        assertThat(tables.left(PUBLISHED_EVENTS)).isZero();
        // 10 + 10 + 5 for the events, then one short (empty) batch for each of the other three kinds.
        assertThat(tables.batches).isEqualTo(3 + 1 + 1 + 1);
        assertThat(transactions.count).as("each batch its own transaction").isEqualTo(tables.batches);
    }

    @Test
    void a_full_last_batch_is_followed_by_one_that_finds_nothing() {
        tables.add(EXPIRED_RECEIPTS, 20, NOW.minus(Duration.ofDays(2)));

        assertThat(purgeInBatchesOf(10, 100).purge().removed(EXPIRED_RECEIPTS)).isEqualTo(20);
        assertThat(tables.batches).isEqualTo(3 + 1 + 1 + 1);
    }

    @Test
    void a_batch_shortened_by_another_instance_purging_the_same_rows_does_not_end_the_run() {
        tables.add(PUBLISHED_EVENTS, 30, NOW.minus(Duration.ofHours(2)));
        tables.contendedBatches = 2;

        assertThat(purgeInBatchesOf(10, 100).purge().removed(PUBLISHED_EVENTS)).isEqualTo(30);
        assertThat(tables.left(PUBLISHED_EVENTS)).isZero();
    }

    @Test
    void stops_at_the_cap_of_batches_per_run_and_leaves_the_rest_for_the_next_run() {
        tables.add(DELIVERED_ALERTS, 100, NOW.minus(Duration.ofDays(31)));
        var purging = purgeInBatchesOf(10, 3);

        assertThat(purging.purge().removed(DELIVERED_ALERTS)).isEqualTo(30);
        assertThat(tables.left(DELIVERED_ALERTS)).isEqualTo(70);
        assertThat(purging.purge().removed(DELIVERED_ALERTS)).isEqualTo(30);
        assertThat(tables.left(DELIVERED_ALERTS)).isEqualTo(40);
    }

    @Test
    void keeps_what_is_younger_than_its_retention() {
        tables.add(PUBLISHED_EVENTS, 2, NOW.minus(Duration.ofMinutes(61)));
        tables.add(PUBLISHED_EVENTS, 3, NOW.minus(Duration.ofMinutes(59)));
        tables.add(EXPIRED_RECEIPTS, 4, NOW.minus(Duration.ofHours(25)));
        tables.add(EXPIRED_RECEIPTS, 5, NOW.minus(Duration.ofHours(23)));
        tables.add(DELIVERED_ALERTS, 6, NOW.minus(Duration.ofDays(31)));
        tables.add(DELIVERED_ALERTS, 7, NOW.minus(Duration.ofDays(29)));

        Purged purged = purgeInBatchesOf(1000, 10).purge();

        assertThat(purged.removed()).containsEntry(PUBLISHED_EVENTS, 2).containsEntry(EXPIRED_RECEIPTS, 4)
                .containsEntry(DELIVERED_ALERTS, 6);
        assertThat(purged.total()).isEqualTo(12);
        assertThat(tables.left(PUBLISHED_EVENTS)).isEqualTo(3);
        assertThat(tables.left(EXPIRED_RECEIPTS)).isEqualTo(5);
        assertThat(tables.left(DELIVERED_ALERTS)).isEqualTo(7);
    }

    @Test
    void each_kind_is_cut_off_at_now_minus_its_own_retention() {
        purgeInBatchesOf(10, 10).purge();

        assertThat(tables.cutoffs).containsExactly(
                Instant.parse("2025-06-01T11:00:00Z"),
                Instant.parse("2025-05-31T12:00:00Z"),
                Instant.parse("2025-05-02T12:00:00Z"),
                Instant.parse("2025-06-01T11:00:00Z"));
    }

    @Test
    void a_kind_that_fails_is_reported_and_does_not_stop_the_others() {
        tables.add(PUBLISHED_EVENTS, 5, NOW.minus(Duration.ofDays(2)));
        tables.add(DELIVERED_ALERTS, 5, NOW.minus(Duration.ofDays(40)));
        tables.failing = EXPIRED_RECEIPTS;

        Purged purged = purgeInBatchesOf(10, 10).purge();

        assertThat(purged.failures()).containsOnlyKeys(EXPIRED_RECEIPTS);
        assertThat(purged.removed(PUBLISHED_EVENTS)).isEqualTo(5);
        assertThat(purged.removed(DELIVERED_ALERTS)).isEqualTo(5);
    }

    @Test
    void a_batch_rolled_back_as_a_deadlock_victim_is_tried_again_and_the_run_does_not_fail() {
        tables.add(EXPIRED_RECEIPTS, 5, NOW.minus(Duration.ofDays(2)));
        tables.deadlocksAhead = 2;

        Purged purged = purgeInBatchesOf(10, 10).purge();

        assertThat(purged.failures()).isEmpty();
        assertThat(purged.removed(EXPIRED_RECEIPTS)).isEqualTo(5);
    }

    @Test
    void refuses_to_keep_idempotency_keys_less_than_a_day() {
        assertThatThrownBy(() -> new RetentionPeriods(Duration.ofHours(24), Duration.ofHours(23), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 24h");
        assertThat(new RetentionPeriods(Duration.ofHours(24), Duration.ofHours(24), Duration.ofDays(30))
                .idempotencyKeys()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refuses_alert_retention_shorter_than_the_incident_hour_and_a_retention_of_nothing() {
        assertThatThrownBy(() -> new RetentionPeriods(Duration.ofHours(24), Duration.ofHours(24), Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alerts");
        assertThatThrownBy(() -> new RetentionPeriods(Duration.ZERO, Duration.ofHours(24), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outbox");
    }

    /** Runs the work at once, counting transactions. */
    private static final class CountingTransactions implements Transactions {
        int count;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            count++;
            return work.get();
        }
    }
}
