package io.donutstates.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CombinedReadsTest {

    private final CombinedReads<String, Long> reads = new CombinedReads<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(64);

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    @Test
    void a_burst_of_readers_shares_few_reads_and_each_sees_every_write_made_before_it_asked() throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicInteger readsMade = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Future<long[]>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 2_000; i++) {
            answers.add(readers.submit(() -> {
                go.await();
                long writtenBefore = committed.incrementAndGet(); // a write committed before this reader asks
                long seen = reads.read("CP-502101", () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    readsMade.incrementAndGet();
                    long value = committed.get();
                    sleepQuietly(2);
                    running.decrementAndGet();
                    return value;
                });
                return new long[] {writtenBefore, seen};
            }));
        }
        go.countDown();

        for (var answer : answers) {
            long[] pair = answer.get(30, TimeUnit.SECONDS);
            assertThat(pair[1]).as("the read a reader gets started after it asked").isGreaterThanOrEqualTo(pair[0]);
        }
        assertThat(mostAtOnce.get()).as("one read of a key at a time").isEqualTo(1);
        assertThat(readsMade.get()).as("2,000 readers shared the reads").isLessThan(500);
        assertThat(reads.keysInUse()).as("nothing left behind").isZero();
    }

    @Test
    void a_failed_read_fails_the_readers_who_shared_it_and_the_next_reader_reads_again() {
        assertThatThrownBy(() -> reads.read("CP-1", () -> {
            throw new IllegalStateException("read pool exhausted");
        })).isInstanceOf(IllegalStateException.class).hasMessage("read pool exhausted");

        assertThat(reads.read("CP-1", () -> 7L)).isEqualTo(7L);
        assertThat(reads.keysInUse()).isZero();
    }

    @Test
    void different_keys_are_read_apart() {
        assertThat(reads.read("CP-1", () -> 1L)).isEqualTo(1L);
        assertThat(reads.read("CP-2", () -> 2L)).isEqualTo(2L);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
