package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.donutstates.http.AnswerJson;
import io.donutstates.http.HttpReply;
import io.donutstates.http.SecurityHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An API Gateway HTTP API request (payload format 2.0) as the handlers need it: method, path,
 * headers without regard to case, query parameters and the body as text, decoded when API Gateway
 * sent it base64-encoded. Answers go back as JSON (errors as {@code application/problem+json}) with
 * the status of the shared {@link HttpReply} and the API's {@link SecurityHeaders}.
 */
record HttpApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
                      String rawBody, boolean base64) {

    /** JSON, or problem details for an error, with the security headers the service's answers carry. */
    private static final Map<String, String> ANSWER_HEADERS = answerHeaders(HttpReply.JSON);
    private static final Map<String, String> PROBLEM_HEADERS = answerHeaders(HttpReply.PROBLEM_JSON);
    private static final Map<String, String> UNAVAILABLE_HEADERS = withRetryAfter(PROBLEM_HEADERS);
    private static final Map<String, String> LEGACY_UNAVAILABLE_HEADERS = withRetryAfter(ANSWER_HEADERS);

    /** The legacy purchase path, whose errors keep their plain JSON shape ({@link HttpReply#legacy()}). */
    static final String LEGACY_SEND = "/send";

    private static Map<String, String> withRetryAfter(Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Retry-After", String.valueOf(HttpReply.RETRY_AFTER_SECONDS));
        return java.util.Collections.unmodifiableMap(all);
    }

    private static Map<String, String> answerHeaders(String contentType) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(SecurityHeaders.API);
        headers.put("Content-Type", contentType);
        return java.util.Collections.unmodifiableMap(headers);
    }

    static HttpApiRequest of(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : null;
        String path = event.getRawPath();
        if (path == null && event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
            path = event.getRequestContext().getHttp().getPath();
        }
        // A named stage (not $default) shows in the path; the routes are the same without it.
        String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
        if (path != null && stage != null && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        return new HttpApiRequest(method == null ? "" : method.toUpperCase(Locale.ROOT),
                path == null || path.isEmpty() ? "/" : path,
                event.getHeaders() == null ? Map.of() : event.getHeaders(),
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
                event.getBody(), event.getIsBase64Encoded());
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * One segment of this request's path, percent-decoded ({@code +} stays a plus sign, as in a path).
     * A segment that is not valid percent-encoding ({@code %zz}, a lone {@code %}) is bad input: 400
     * naming the path, never the decoder's own words.
     */
    String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the path " + (path.length() > 120 ? path.substring(0, 120) + "..." : path)
                    + " is not valid percent-encoding (a % must be followed by two hex digits)");
        }
    }

    /** The body as text; API Gateway base64-encodes bodies it does not take for text. */
    String body() {
        if (rawBody == null || !base64) {
            return rawBody;
        }
        try {
            return new String(Base64.getDecoder().decode(rawBody), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("request body is not valid base64");
        }
    }

    static APIGatewayV2HTTPResponse answer(HttpReply reply) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(reply.status())
                .withHeaders(headers(reply))
                .withBody(AnswerJson.text(reply.body()))
                .withIsBase64Encoded(false)
                .build();
    }

    private static Map<String, String> headers(HttpReply reply) {
        if (reply.status() == 503) {
            return reply.isProblem() ? UNAVAILABLE_HEADERS : LEGACY_UNAVAILABLE_HEADERS;
        }
        return reply.isProblem() ? PROBLEM_HEADERS : ANSWER_HEADERS;
    }

    static HttpReply notFound(String path) {
        return HttpReply.error(404, "NOT_FOUND", "no such endpoint: " + path);
    }

    /**
     * Reads the event, routes it and answers: invalid input as 400 with its message, a database that
     * cannot be reached as 503 with {@code Retry-After}, anything unexpected as 500 without details (logged with the route), as the service does.
     * Errors are problem details, except on the legacy {@code POST /send}, whose answers stay as they always were.
     */
    static APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event,
                                            java.util.function.Function<HttpApiRequest, HttpReply> route,
                                            org.slf4j.Logger log) {
        HttpReply reply;
        String where = "?";
        boolean legacy = false;
        try {
            var request = of(event);
            where = request.method() + " " + request.path();
            legacy = request.path().equals(LEGACY_SEND);
            reply = route.apply(request);
        } catch (IllegalArgumentException e) {
            reply = HttpReply.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            if (io.donutstates.shared.DatabaseOutage.causedBy(e)) {
                log.warn("{} answered 503: the database cannot be reached: {}", where, e.toString());
                reply = HttpReply.databaseUnavailable();
            } else {
                log.error("unexpected failure answering {}", where, e);
                reply = unexpected();
            }
        }
        return answer(legacy ? reply.legacy() : reply);
    }

    static HttpReply unexpected() {
        return HttpReply.error(500, "INTERNAL_ERROR", "the shop could not complete the request; try again");
    }
}
