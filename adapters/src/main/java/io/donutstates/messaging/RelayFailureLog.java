package io.donutstates.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the attempts a relay's topic refused at WARN, at most one line per {@code every}: the
 * latest refused event, its next try and its error, and how many other attempts failed since the
 * line before. A topic that is down fills the log with a line every half minute, not one per event.
 * An event given up is logged at WARN each time.
 */
public class RelayFailureLog<E extends OutboxEvent> implements RelayingOutbox.FailedAttempts<E> {

    public static final Duration EVERY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(RelayingOutbox.class);

    private final Clock clock;
    private final Duration every;
    private Instant lastLine;
    private long unreported;

    public RelayFailureLog(Clock clock) {
        this(clock, EVERY);
    }

    RelayFailureLog(Clock clock, Duration every) {
        this.clock = clock;
        this.every = every;
    }

    @Override
    public synchronized void failed(Outbox.OutboxEntry<? extends E> entry, int attempt, String error,
                                    Instant nextAttemptAt) {
        Instant now = clock.instant();
        if (lastLine != null && Duration.between(lastLine, now).compareTo(every) < 0) {
            unreported++;
            return;
        }
        log.warn("{} (event {}) not published, attempt {}; next try at {}: {}{}",
                entry.event().describe(), entry.event().eventId(), attempt, nextAttemptAt, error,
                unreported == 0 ? "" : " (" + unreported + " other failed attempt(s) since the last such line)");
        lastLine = now;
        unreported = 0;
    }

    @Override
    public void gaveUp(Outbox.OutboxEntry<? extends E> entry, int attempt, String error) {
        log.warn("{} (event {}) given up after {} attempt(s) since {}: {}", entry.event().describe(),
                entry.event().eventId(), attempt, entry.event().occurredAt(), error);
    }
}
