package io.donutstates.backorder;

import io.donutstates.messaging.Outbox;
import io.donutstates.messaging.RelayingOutbox;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each notice a buyer's endpoint refused, with its next try: the backoff keeps the lines few per notice. */
public class NoticeFailureLog implements RelayingOutbox.FailedAttempts<BackorderNotice> {

    private static final Logger log = LoggerFactory.getLogger(NoticeFailureLog.class);

    @Override
    public void failed(Outbox.OutboxEntry<? extends BackorderNotice> entry, int attempt, String error,
                       Instant nextAttemptAt) {
        log.info("backorder notice {} of {} not taken (attempt {}), next try at {}: {}", entry.event().eventId(),
                entry.event().backorderId(), attempt, nextAttemptAt, error);
    }
}
