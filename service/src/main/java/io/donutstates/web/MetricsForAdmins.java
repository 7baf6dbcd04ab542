package io.donutstates.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics ({@code /actuator/prometheus}, {@code /actuator/metrics} and its pages) show the shop's
 * internals — queue depths, circuits, connection pools, ledger violations, table sizes — so they need
 * the admin token, as the admin API does: {@code Authorization: Bearer <DONUT_ADMIN_TOKEN>} (Prometheus
 * sends it with {@code authorization: {credentials: …}} in its scrape config). Anyone else gets
 * {@code 401} problem details; health (its status alone), info and the dashboard stay public.
 */
@Component
class MetricsForAdmins extends OncePerRequestFilter {

    private final AdminToken token;

    MetricsForAdmins(AdminToken token) {
        this.token = token;
    }

    /**
     * Whether {@code path} is one of the metrics endpoints, in any letter case, with or without path
     * parameters ({@code ;x=y}), repeated slashes or a trailing slash.
     */
    static boolean guards(String path) {
        if (path == null) {
            return false;
        }
        String plain = path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/").toLowerCase(java.util.Locale.ROOT);
        return plain.equals("/actuator/prometheus") || plain.startsWith("/actuator/prometheus/")
                || plain.equals("/actuator/metrics") || plain.startsWith("/actuator/metrics/");
    }

    /** The path as sent and as the container decoded and normalised it: either naming the metrics is enough. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !guards(request.getRequestURI()) && !guards(decoded);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.carriedBy(request)) {
            chain.doFilter(request, response);
            return;
        }
        token.refuse(response, "metrics");
    }
}
