package io.donutstates.web;

import io.donutstates.http.HttpReply;
import io.donutstates.shared.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure into problem details (application/problem+json) with a message; never a stack trace. */
@RestControllerAdvice
class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> invalid(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "request body must be a JSON object of the documented shape");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "query parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e) {
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "header '" + e.getHeaderName() + "' is required");
    }

    /** Any other binding problem; Spring's own message names Java types, so it is not passed on. */
    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<Object> unboundRequest(ServletRequestBindingException e) {
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "the request lacks a required parameter or header");
    }

    /** A parameter that does not convert, e.g. {@code ?limit=abc}: named, in words, without Java types. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mismatchedParameter(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", ParameterWords.mismatch(e.getName(), e.getRequiredType(), e.getValue()));
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<Object> mismatchedValue(TypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                ParameterWords.mismatch(e.getPropertyName() == null ? "a parameter" : e.getPropertyName(),
                        e.getRequiredType(), e.getValue()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "this API answers application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> wrongMethod(HttpRequestMethodNotSupportedException e) {
        var reply = answer(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "Request method '" + e.getMethod() + "' is not supported");
        if (e.getSupportedHttpMethods() == null || e.getSupportedHttpMethods().isEmpty()) {
            return reply;
        }
        return ResponseEntity.status(reply.getStatusCode()).headers(reply.getHeaders())
                .allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new)).body(reply.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noSuchPath(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            log.warn("request answered 503: the database cannot be reached: {}", e.toString());
            return Replies.send(HttpReply.databaseUnavailable());
        }
        log.error("unexpected failure answering a request", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the shop could not complete the request; try again");
    }

    private static ResponseEntity<Object> answer(HttpStatus status, String word, String message) {
        return Replies.send(HttpReply.error(status.value(), word, message));
    }
}
