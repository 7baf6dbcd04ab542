package io.donutstates.web;

import io.donutstates.http.AnswerJson;
import io.donutstates.http.HttpReply;
import io.donutstates.service.DonutProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /api/admin/**} (and, through {@link MetricsForAdmins}, the metrics endpoints): a request
 * must carry {@code Authorization: Bearer <DONUT_ADMIN_TOKEN>}.
 */
@Component
class AdminToken implements HandlerInterceptor {

    private final byte[] expected;

    AdminToken(DonutProperties donut) {
        String token = donut.adminToken();
        this.expected = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request carries the admin token (compared in constant time). */
    boolean carriedBy(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return expected != null && header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(expected, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (carriedBy(request)) {
            return true;
        }
        refuse(response, "admin actions");
        return false;
    }

    /** {@code 401 UNAUTHORIZED} as problem details, with {@code WWW-Authenticate: Bearer}; {@code what} needs the token. */
    void refuse(HttpServletResponse response, String what) throws java.io.IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        String why = expected == null ? what + " are disabled: no DONUT_ADMIN_TOKEN is configured"
                : what + " need Authorization: Bearer <admin token>";
        HttpReply reply = HttpReply.error(HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", why);
        byte[] json = AnswerJson.bytes(reply.body());
        response.setContentType(reply.contentType());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
