package io.donutstates.web;

import io.donutstates.http.HttpReply;
import org.springframework.http.ResponseEntity;

/** Sends the shared API answers through Spring MVC. */
public final class Replies {

    private Replies() {
    }

    public static ResponseEntity<Object> send(HttpReply reply) {
        return ResponseEntity.status(reply.status()).body(reply.body());
    }
}
