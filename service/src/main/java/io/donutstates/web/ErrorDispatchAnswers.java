package io.donutstates.web;

import io.donutstates.http.HttpReply;
import io.donutstates.http.StatusAnswers;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error path ({@code /error}) the servlet container forwards to when something answered with a
 * bare error status (Tomcat refusing {@code TRACE}, an exception no handler caught): the shop's problem
 * details whatever the client accepts, in place of Spring Boot's own shape and its HTML page.
 */
@RestController
class ErrorDispatchAnswers implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorDispatchAnswers.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            // Asked for directly, not forwarded by the container.
            return Replies.send(HttpReply.error(404, "NOT_FOUND", "no such endpoint: " + request.getRequestURI()));
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown) {
            log.error("unexpected failure answering {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), thrown);
        }
        return Replies.send(StatusAnswers.of(code < 400 ? 500 : code));
    }
}
