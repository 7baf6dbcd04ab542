package io.donutstates.backorder;

import io.donutstates.messaging.Outbox;
import io.donutstates.messaging.OutboxBacklog;
import io.donutstates.shared.RollsBack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The notice outbox in memory: due time, attempts and publication per notice. */
public final class InMemoryBackorderNotices implements Outbox<BackorderNotice>, RollsBack {

    private static final class Row {
        final long id;
        final BackorderNotice notice;
        Instant publishedAt;
        Instant givenUpAt;
        Instant nextAttemptAt = Instant.EPOCH;
        int attempts;
        String lastError;

        Row(long id, BackorderNotice notice) {
            this.id = id;
            this.notice = notice;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private long lastId;

    public synchronized List<BackorderNotice> appended() {
        return rows.stream().map(r -> r.notice).toList();
    }

    public synchronized List<BackorderNotice> published() {
        return rows.stream().filter(r -> r.publishedAt != null && r.givenUpAt == null).map(r -> r.notice).toList();
    }

    @Override
    public synchronized void append(BackorderNotice event) {
        rows.add(new Row(++lastId, event));
    }

    @Override
    public synchronized List<OutboxEntry<BackorderNotice>> lockDue(Instant now, int limit) {
        return rows.stream().filter(r -> r.publishedAt == null && !r.nextAttemptAt.isAfter(now))
                .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt).thenComparingLong(r -> r.id)).limit(limit)
                .map(r -> new OutboxEntry<>(r.id, r.notice, r.attempts)).toList();
    }

    @Override
    public synchronized void markPublished(long entryId, Instant at) {
        rows.stream().filter(r -> r.id == entryId).forEach(r -> {
            r.publishedAt = at;
            r.attempts++;
        });
    }

    @Override
    public synchronized void markAttemptFailed(long entryId, String error, Instant nextAttemptAt) {
        rows.stream().filter(r -> r.id == entryId).forEach(r -> {
            r.attempts++;
            r.lastError = error;
            r.nextAttemptAt = nextAttemptAt;
        });
    }

    @Override
    public synchronized void holdUntil(List<Long> entryIds, Instant until) {
        rows.stream().filter(r -> entryIds.contains(r.id)).forEach(r -> r.nextAttemptAt = until);
    }

    @Override
    public synchronized void markGivenUp(long entryId, String lastError, Instant at) {
        rows.stream().filter(r -> r.id == entryId).forEach(r -> {
            r.attempts++;
            r.lastError = lastError;
            r.publishedAt = at;
            r.givenUpAt = at;
        });
    }

    /** Notices ended as given up. */
    public synchronized List<BackorderNotice> givenUp() {
        return rows.stream().filter(r -> r.givenUpAt != null).map(r -> r.notice).toList();
    }

    @Override
    public synchronized long pendingCount() {
        return rows.stream().filter(r -> r.publishedAt == null).count();
    }

    @Override
    public synchronized OutboxBacklog<BackorderNotice> backlog(int countUpTo) {
        var pending = rows.stream().filter(r -> r.publishedAt == null).toList();
        if (pending.isEmpty()) {
            return OutboxBacklog.empty();
        }
        var oldest = pending.get(0);
        return new OutboxBacklog<>(Math.min(pending.size(), countUpTo), pending.size() > countUpTo,
                Optional.of(oldest.notice), oldest.attempts, oldest.lastError);
    }

    @Override
    public synchronized Runnable checkpoint() {
        int size = rows.size();
        return () -> {
            synchronized (this) {
                rows.subList(size, rows.size()).clear();
            }
        };
    }
}
