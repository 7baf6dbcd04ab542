package io.donutstates.http;

import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.replenishment.RedrivingReplenishment;
import io.donutstates.replenishment.ReplenishmentId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ops on {@code dead_letter_queue}, answered the same by the service and the Lambda admin handler:
 * list ({@code GET /api/admin/dlq?limit=}), redrive one or all back to work
 * ({@code POST /api/admin/dlq/{id}/redrive}, {@code POST /api/admin/dlq/redrive}) and discard one
 * with a reason ({@code DELETE /api/admin/dlq/{id}?reason=}). A redriven replenishment goes back
 * through the outbox as a fresh event; a message without one goes back to {@code stock_queue}.
 */
public final class DeadLetterEndpoints {

    /** The reason a discard is noted with when none is given. */
    public static final String NO_REASON = "discarded by an operator";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterEndpoints.class);

    /** A dead-lettered message as the admin API shows it. */
    public record DeadLetterView(String id, String sku, String replenishmentId, int receiveCount,
                                 Instant firstFailureAt, Instant lastFailureAt, String body) {
        static DeadLetterView of(SqsDeadLetters.DeadLetter letter) {
            return new DeadLetterView(letter.id(), letter.sku(), letter.replenishmentId(), letter.receiveCount(),
                    letter.firstFailureAt(), letter.lastFailureAt(), letter.body());
        }
    }

    private final Supplier<SqsDeadLetters> deadLetters;
    private final RedrivingReplenishment redriving;
    private final Runnable afterRedrive;

    /**
     * @param deadLetters  the queue's letters (a Lambda makes its client on first use)
     * @param afterRedrive run once after a redrive, e.g. publishing the outbox at once
     */
    public DeadLetterEndpoints(Supplier<SqsDeadLetters> deadLetters, RedrivingReplenishment redriving,
                               Runnable afterRedrive) {
        this.deadLetters = deadLetters;
        this.redriving = redriving;
        this.afterRedrive = afterRedrive;
    }

    /** @param limit most letters answered, checked by {@link PageLimit} */
    public HttpReply list(int limit) {
        return new HttpReply(200, deadLetters.get().list(PageLimit.check(limit)).stream().map(DeadLetterView::of).toList());
    }

    public HttpReply redriveOne(String id) {
        var letter = deadLetters.get().take(id);
        if (letter.isEmpty()) {
            return unknown(id);
        }
        redrive(letter.get());
        afterRedrive.run();
        return new HttpReply(200, Map.of("redriven", 1));
    }

    /**
     * Every dead letter, or as many as there is time for ({@code timeLeft} is asked before each):
     * then {@code "more": true}, and the caller asks again.
     */
    public HttpReply redriveAll(BooleanSupplier timeLeft) {
        int redriven = 0;
        boolean more = false;
        for (var listed : deadLetters.get().list(PageLimit.MAX)) {
            if (!timeLeft.getAsBoolean()) {
                more = true;
                break;
            }
            var letter = deadLetters.get().take(listed.id());
            if (letter.isPresent()) {
                redrive(letter.get());
                redriven++;
            }
        }
        if (redriven > 0) {
            afterRedrive.run();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("redriven", redriven);
        if (more) {
            body.put("more", true);
        }
        return new HttpReply(200, body);
    }

    public HttpReply discard(String id, String reason) {
        String why = reason == null ? NO_REASON : reason;
        if (why.length() > 500) {
            throw new IllegalArgumentException("reason must be at most 500 characters");
        }
        var letter = deadLetters.get().take(id);
        if (letter.isEmpty()) {
            return unknown(id);
        }
        if (letter.get().replenishmentId() != null) {
            redriving.discard(ReplenishmentId.parse(letter.get().replenishmentId()), why);
        }
        deadLetters.get().delete(letter.get());
        log.info("dead letter {} discarded: {}", id, why);
        return new HttpReply(200, Map.of("discarded", 1));
    }

    private void redrive(SqsDeadLetters.DeadLetter letter) {
        if (letter.replenishmentId() != null) {
            // The outbox sends a fresh event; the dead copy can go once that is committed.
            var outcome = redriving.redrive(ReplenishmentId.parse(letter.replenishmentId()));
            log.info("dead letter {} of replenishment {} redriven: {}", letter.id(), letter.replenishmentId(), outcome);
        } else {
            deadLetters.get().sendBackToStockQueue(letter);
        }
        deadLetters.get().delete(letter);
    }

    private static HttpReply unknown(String id) {
        return HttpReply.error(404, "UNKNOWN_DEAD_LETTER", "no dead-lettered message " + id);
    }
}
