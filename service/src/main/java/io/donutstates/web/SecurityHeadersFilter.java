package io.donutstates.web;

import io.donutstates.http.SecurityHeaders;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Puts the security headers on every answer the application sends (the purchase servlet's, Spring
 * MVC's, the static dashboard's and error answers alike): {@code nosniff}, no framing, no referrer,
 * and a content security policy, the pages' own for the dashboard and Swagger UI and "load nothing"
 * for everything else.
 */
class SecurityHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http && request instanceof HttpServletRequest asked) {
            for (Map.Entry<String, String> header : SecurityHeaders.COMMON.entrySet()) {
                http.setHeader(header.getKey(), header.getValue());
            }
            http.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, policy(asked.getRequestURI()));
        }
        chain.doFilter(request, response);
    }

    /** The dashboard's ({@code /}, {@code /index.html}), Swagger UI's, or "load nothing" for the rest. */
    static String policy(String path) {
        if (path.equals("/") || path.equals("/index.html")) {
            return SecurityHeaders.PAGE_POLICY;
        }
        if (path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/")) {
            return SecurityHeaders.SWAGGER_UI_POLICY;
        }
        return SecurityHeaders.API_POLICY;
    }
}
