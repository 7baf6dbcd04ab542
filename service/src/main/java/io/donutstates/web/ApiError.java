package io.donutstates.web;

/** The body of every error answer: a status word and a message a person can act on. */
public record ApiError(String status, String message) {

    public static ApiError badRequest(String message) {
        return new ApiError("BAD_REQUEST", message);
    }
}
