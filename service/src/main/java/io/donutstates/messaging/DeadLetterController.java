package io.donutstates.messaging;

import io.donutstates.http.HttpReply;
import io.donutstates.http.PageLimit;
import io.donutstates.replenishment.RedrivingReplenishment;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.web.Replies;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ops on {@code dead_letter_queue}: list, redrive one or all back to work, discard one with a reason. */
@RestController
class DeadLetterController {

    private final SqsDeadLetters deadLetters;
    private final RedrivingReplenishment redriving;

    DeadLetterController(SqsDeadLetters deadLetters, RedrivingReplenishment redriving) {
        this.deadLetters = deadLetters;
        this.redriving = redriving;
    }

    @GetMapping("/api/admin/dlq")
    List<DeadLetterView> list(@RequestParam(defaultValue = PageLimit.DEFAULT_TEXT) int limit) {
        return deadLetters.list(PageLimit.check(limit)).stream().map(DeadLetterView::of).toList();
    }

    @PostMapping("/api/admin/dlq/{id}/redrive")
    ResponseEntity<Object> redriveOne(@PathVariable String id) {
        var letter = deadLetters.take(id);
        if (letter.isEmpty()) {
            return notFound(id);
        }
        redrive(letter.get());
        return ResponseEntity.ok(Map.of("redriven", 1));
    }

    @PostMapping("/api/admin/dlq/redrive")
    Map<String, Integer> redriveAll() {
        int redriven = 0;
        for (var listed : deadLetters.list(PageLimit.MAX)) {
            var letter = deadLetters.take(listed.id());
            if (letter.isPresent()) {
                redrive(letter.get());
                redriven++;
            }
        }
        return Map.of("redriven", redriven);
    }

    @DeleteMapping("/api/admin/dlq/{id}")
    ResponseEntity<Object> discard(@PathVariable String id,
                                   @RequestParam(defaultValue = "discarded by an operator") String reason) {
        if (reason.length() > 500) {
            throw new IllegalArgumentException("reason must be at most 500 characters");
        }
        var letter = deadLetters.take(id);
        if (letter.isEmpty()) {
            return notFound(id);
        }
        if (letter.get().replenishmentId() != null) {
            redriving.discard(ReplenishmentId.parse(letter.get().replenishmentId()), reason);
        }
        deadLetters.delete(letter.get());
        return ResponseEntity.ok(Map.of("discarded", 1));
    }

    private void redrive(SqsDeadLetters.DeadLetter letter) {
        if (letter.replenishmentId() != null) {
            // The outbox sends a fresh event; the dead copy can go once that is committed.
            redriving.redrive(ReplenishmentId.parse(letter.replenishmentId()));
        } else {
            deadLetters.sendBackToStockQueue(letter);
        }
        deadLetters.delete(letter);
    }

    private static ResponseEntity<Object> notFound(String id) {
        return Replies.send(HttpReply.error(404, "UNKNOWN_DEAD_LETTER", "no dead-lettered message " + id));
    }
}
