package io.donutstates.messaging;

import io.donutstates.http.DeadLetterEndpoints;
import io.donutstates.http.PageLimit;
import io.donutstates.web.Replies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ops on {@code dead_letter_queue}, answered by {@link DeadLetterEndpoints}. */
@RestController
class DeadLetterController {

    private final DeadLetterEndpoints endpoints;

    DeadLetterController(DeadLetterEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/api/admin/dlq")
    ResponseEntity<Object> list(@RequestParam(defaultValue = PageLimit.DEFAULT_TEXT) int limit) {
        return Replies.send(endpoints.list(limit));
    }

    @PostMapping("/api/admin/dlq/{id}/redrive")
    ResponseEntity<Object> redriveOne(@PathVariable String id) {
        return Replies.send(endpoints.redriveOne(id));
    }

    /** A request has no time limit here: every dead letter goes back. */
    @PostMapping("/api/admin/dlq/redrive")
    ResponseEntity<Object> redriveAll() {
        return Replies.send(endpoints.redriveAll(() -> true));
    }

    @DeleteMapping("/api/admin/dlq/{id}")
    ResponseEntity<Object> discard(@PathVariable String id, @RequestParam(defaultValue = DeadLetterEndpoints.NO_REASON) String reason) {
        return Replies.send(endpoints.discard(id, reason));
    }
}
