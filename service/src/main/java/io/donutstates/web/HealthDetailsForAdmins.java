package io.donutstates.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health shows its components and their details ({@code show-details=when-authorized}) only to a
 * caller with the admin token: such a request is given the principal {@code admin}. Anyone else
 * sees the status alone — no paths, queue depths, circuits or pool sizes.
 */
@Component
class HealthDetailsForAdmins extends OncePerRequestFilter {

    private static final Principal ADMIN = () -> "admin";

    private final AdminToken token;

    HealthDetailsForAdmins(AdminToken token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!token.carriedBy(request)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return ADMIN;
            }
        }, response);
    }
}
