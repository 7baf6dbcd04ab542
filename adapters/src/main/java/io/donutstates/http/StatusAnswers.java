package io.donutstates.http;

/**
 * The shop's JSON error answer for a bare HTTP status, when the web server refuses a request before
 * any endpoint read it (a malformed path or header, a method no endpoint takes): the same
 * problem shape ({@code application/problem+json}) as every other error, with a fixed message that echoes nothing.
 */
public final class StatusAnswers {

    private StatusAnswers() {
    }

    public static HttpReply of(int status) {
        return switch (status) {
            case 400 -> HttpReply.error(400, "BAD_REQUEST",
                    "the request could not be read: its request line, path or headers are malformed or too large");
            case 401 -> HttpReply.error(401, "UNAUTHORIZED", "this needs authentication");
            case 403 -> HttpReply.error(403, "FORBIDDEN", "this is not allowed");
            case 404 -> HttpReply.error(404, "NOT_FOUND", "no such endpoint");
            case 405 -> HttpReply.error(405, "METHOD_NOT_ALLOWED", "this method is not allowed on this path");
            case 406 -> HttpReply.error(406, "NOT_ACCEPTABLE", "this API answers application/json");
            case 408 -> HttpReply.error(408, "REQUEST_TIMEOUT", "the request did not arrive in time");
            case 413 -> HttpReply.error(413, "CONTENT_TOO_LARGE", "the request body is too large");
            case 414 -> HttpReply.error(414, "URI_TOO_LONG", "the request path is too long");
            case 415 -> JsonContentType.unsupported();
            case 431 -> HttpReply.error(431, "REQUEST_HEADER_FIELDS_TOO_LARGE", "the request headers are too large");
            case 503 -> HttpReply.error(503, "SERVICE_UNAVAILABLE", "the shop cannot answer now; try again");
            default -> status >= 500
                    ? HttpReply.error(status, "INTERNAL_ERROR", "the shop could not complete the request; try again")
                    : HttpReply.error(status, "REQUEST_REFUSED", "the request was refused (HTTP " + status + ")");
        };
    }
}
