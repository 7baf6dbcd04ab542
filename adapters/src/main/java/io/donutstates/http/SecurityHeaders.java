package io.donutstates.http;

import java.util.Map;

/**
 * The security headers every answer of the shop carries, whichever runtime sends it. API answers are
 * JSON that no browser should run, frame or guess the type of; the dashboard and Swagger UI pages
 * load scripts, styles and data from the shop itself only, with no inline script or style.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** For JSON answers (and anything that is not one of the two pages): nothing may load or run. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    /** For the dashboard and Swagger UI: everything from this origin only, no inline script or style. */
    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * For Swagger UI: the page policy, and the one style element its bundle inserts, allowed by its
     * hash (Swagger UI 5.32; a newer bundle that inserts another shows as a refused style in the
     * browser console, which {@code SecurityHeadersTest} fails on).
     */
    public static final String SWAGGER_UI_POLICY = PAGE_POLICY.replace("style-src 'self'",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");

    /** The headers of every answer, without the content security policy, which depends on the answer. */
    public static final Map<String, String> COMMON = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    /** Every security header of a JSON answer. */
    public static final Map<String, String> API = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            CONTENT_SECURITY_POLICY, API_POLICY);

    private SecurityHeaders() {
    }
}
