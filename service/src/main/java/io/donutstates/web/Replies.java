package io.donutstates.web;

import io.donutstates.http.AnswerJson;
import io.donutstates.http.HttpReply;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sends the shared API answers through Spring MVC, written by {@link AnswerJson} as the Lambda
 * handlers write them: as bytes with their length, so MVC only copies them out. The media type is set
 * here ({@code application/json}, or {@code application/problem+json} for an error), so MVC sends it
 * whatever the request's {@code Accept} says instead of answering {@code 406}.
 */
public final class Replies {

    private Replies() {
    }

    public static ResponseEntity<Object> send(HttpReply reply) {
        var answer = ResponseEntity.status(reply.status())
                .contentType(reply.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (reply.status() == 503) {
            answer.header("Retry-After", String.valueOf(HttpReply.RETRY_AFTER_SECONDS));
        }
        return answer.body(AnswerJson.bytes(reply.body()));
    }
}
