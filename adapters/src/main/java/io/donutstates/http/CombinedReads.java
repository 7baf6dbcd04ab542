package io.donutstates.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Readers of the same thing who arrive together share one read, as buyers of one product share one
 * transaction in combined mode. A reader who finds no read of its key waiting to start opens one and
 * runs it as soon as the read before it (if any) is done; readers who arrive before it starts join
 * it. Every reader thus gets what was read after it arrived (it sees every write committed before
 * it asked), waits for at most two reads, and a burst of any size costs the database at most one
 * read of the key at a time, instead of one per reader queueing for the read pool.
 *
 * <p>A key's state lives only while its reads do, so asking for many different keys leaves nothing
 * behind; a reader that meets a state just being retired reads on its own (correct, only not
 * shared).
 */
public final class CombinedReads<K, V> {

    private static final class Key<V> {
        /** The read readers may still join; it starts when {@code started} is done. */
        CompletableFuture<V> next;
        /** The read that started last. */
        CompletableFuture<V> started = CompletableFuture.completedFuture(null);
    }

    private final Map<K, Key<V>> keys = new ConcurrentHashMap<>();

    /** What {@code read} returns, read after this call began, possibly shared with other callers. */
    public V read(K key, Supplier<V> read) {
        Key<V> state = keys.computeIfAbsent(key, k -> new Key<>());
        CompletableFuture<V> mine;
        CompletableFuture<V> before = null;
        synchronized (state) {
            if (state.next == null) {
                state.next = new CompletableFuture<>();
                before = state.started;
            }
            mine = state.next;
        }
        if (before != null) {
            // This reader opened the read: it runs it once the one before it is done.
            before.handle((value, failure) -> null).join();
            synchronized (state) {
                state.started = mine;
                state.next = null;
            }
            try {
                mine.complete(read.get());
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
            synchronized (state) {
                if (state.next == null && state.started == mine) {
                    keys.remove(key, state);
                }
            }
        }
        try {
            return mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Keys with a read running or waiting to start (none when idle). */
    int keysInUse() {
        return keys.size();
    }
}
