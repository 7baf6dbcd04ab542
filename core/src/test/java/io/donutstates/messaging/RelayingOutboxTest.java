package io.donutstates.messaging;

import io.donutstates.replenishment.StockEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.shared.TestClock;
import io.donutstates.shared.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RelayingOutboxTest {

    private static final Transactions NO_TRANSACTION = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final TestClock clock = new TestClock(START);
    private final Set<String> refusedSkus = new HashSet<>();
    private final List<StockEvent> published = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final StockTopic<StockEvent> topic = event -> {
        if (refusedSkus.contains(event.sku().value())) {
            throw new IllegalStateException("topic refused " + event.sku().value());
        }
        published.add(event);
    };
    private final RelayingOutbox<StockEvent> relay = new RelayingOutbox<>(outbox, topic, NO_TRANSACTION, clock, 50,
            new RelayBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10)),
            (entry, attempt, error, next) -> failures.add(entry.event().sku().value() + "#" + attempt + "@" + next));

    @Test
    void an_event_the_topic_refuses_does_not_hold_up_the_events_behind_it() {
        outbox.append(InMemoryOutbox.event("CP-1", START));
        outbox.append(InMemoryOutbox.event("CP-2", START));
        outbox.append(InMemoryOutbox.event("CP-3", START));
        refusedSkus.add("CP-1");

        int relayed = relay.relayBatch();

        assertThat(relayed).isEqualTo(2);
        assertThat(published).extracting(e -> e.sku().value()).containsExactly("CP-2", "CP-3");
        assertThat(outbox.row("CP-1").lastError).isEqualTo("IllegalStateException: topic refused CP-1");
        assertThat(failures).containsExactly("CP-1#1@" + START.plusSeconds(1));
    }

    @Test
    void a_refused_event_waits_a_growing_delay_up_to_the_longest_before_it_is_tried_again() {
        outbox.append(InMemoryOutbox.event("CP-1", START));
        refusedSkus.add("CP-1");
        List<Duration> waits = new ArrayList<>();

        for (int attempt = 1; attempt <= 6; attempt++) {
            relay.relayBatch();
            Duration wait = Duration.between(clock.instant(), outbox.row("CP-1").nextAttemptAt);
            waits.add(wait);
            clock.advance(wait.minusMillis(1));
            relay.relayBatch();
            assertThat(outbox.row("CP-1").attempts).as("not tried before its delay is over").isEqualTo(attempt);
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void an_event_goes_out_once_the_topic_takes_it_again() {
        outbox.append(InMemoryOutbox.event("CP-1", START));
        refusedSkus.add("CP-1");
        relay.relayBatch();
        refusedSkus.clear();

        assertThat(relay.relayBatch()).as("still waiting out its delay").isZero();
        clock.advance(Duration.ofSeconds(1));

        assertThat(relay.relayBatch()).isEqualTo(1);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(relay.relayBatch()).as("published once").isZero();
    }

    @Test
    void the_backoff_doubles_from_the_first_delay_and_stops_at_the_longest() {
        var backoff = new RelayBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void a_relay_posting_outside_transactions_posts_with_none_open_and_holds_its_batch_for_the_lease() {
        var open = new boolean[1];
        Transactions tracked = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                open[0] = true;
                try {
                    return work.get();
                } finally {
                    open[0] = false;
                }
            }
        };
        List<String> seenWhilePosting = new ArrayList<>();
        StockTopic<StockEvent> slowEndpoint = event -> {
            assertThat(open[0]).as("no transaction open while posting").isFalse();
            seenWhilePosting.add(event.sku().value() + " other relay finds "
                    + outbox.lockDue(clock.instant(), 50).size());
            if (refusedSkus.contains(event.sku().value())) {
                throw new IllegalStateException("endpoint refused " + event.sku().value());
            }
            published.add(event);
        };
        var leased = new RelayingOutbox<>(outbox, slowEndpoint, tracked, clock, 50,
                new RelayBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10)), (entry, attempt, error, next) -> { })
                .postingOutside(Duration.ofMinutes(2), Duration.ofHours(1));
        outbox.append(InMemoryOutbox.event("CP-1", START));
        outbox.append(InMemoryOutbox.event("CP-2", START));
        refusedSkus.add("CP-2");

        assertThat(leased.relayBatch()).isEqualTo(1);

        assertThat(seenWhilePosting).as("the batch is held from other relays while it is posted")
                .containsExactly("CP-1 other relay finds 0", "CP-2 other relay finds 0");
        assertThat(outbox.row("CP-1").publishedAt).isEqualTo(START);
        assertThat(outbox.row("CP-2").nextAttemptAt).as("a refused one waits its backoff, not the lease")
                .isEqualTo(START.plusSeconds(1));
    }

    @Test
    void a_batch_whose_relay_died_while_posting_is_due_again_when_its_lease_ends() {
        StockTopic<StockEvent> dies = event -> {
            throw new Error("the relay's process died while posting");
        };
        var leased = new RelayingOutbox<>(outbox, dies, NO_TRANSACTION, clock, 50,
                new RelayBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10)), (entry, attempt, error, next) -> { })
                .postingOutside(Duration.ofMinutes(2), Duration.ofHours(1));
        outbox.append(InMemoryOutbox.event("CP-1", START));
        try {
            leased.relayBatch();
        } catch (Error expected) {
            // the process is gone; its lease stays on the row
        }

        clock.advance(Duration.ofMinutes(2).minusMillis(1));
        assertThat(relay.relayBatch()).as("held until the lease ends").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(relay.relayBatch()).as("due again once it ended").isEqualTo(1);
    }

    @Test
    void an_event_refused_past_the_give_up_bound_ends_given_up_not_published() {
        List<String> gaveUp = new ArrayList<>();
        var leased = new RelayingOutbox<>(outbox, topic, NO_TRANSACTION, clock, 50,
                new RelayBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10)),
                new RelayingOutbox.FailedAttempts<StockEvent>() {
                    @Override
                    public void failed(Outbox.OutboxEntry<? extends StockEvent> entry, int attempt, String error,
                                       Instant nextAttemptAt) {
                    }

                    @Override
                    public void gaveUp(Outbox.OutboxEntry<? extends StockEvent> entry, int attempt, String error) {
                        gaveUp.add(entry.event().sku().value() + "#" + attempt + ": " + error);
                    }
                })
                .postingOutside(Duration.ofMinutes(2), Duration.ofMinutes(30));
        outbox.append(InMemoryOutbox.event("CP-1", START));
        refusedSkus.add("CP-1");
        leased.relayBatch();
        assertThat(outbox.pendingCount()).as("still tried within the bound").isEqualTo(1);

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        leased.relayBatch();

        assertThat(outbox.pendingCount()).as("ended").isZero();
        assertThat(outbox.row("CP-1").givenUpAt).isEqualTo(clock.instant());
        assertThat(published).as("never taken").isEmpty();
        assertThat(gaveUp).containsExactly("CP-1#2: IllegalStateException: topic refused CP-1");
        clock.advance(Duration.ofHours(1));
        assertThat(leased.relayBatch()).as("not tried again").isZero();
    }
}
