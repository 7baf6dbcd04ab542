package io.donutstates.sales;

import io.donutstates.http.AnswerJson;
import io.donutstates.http.HttpReply;
import io.donutstates.shared.DatabaseOutage;
import io.donutstates.http.JsonBodies;
import io.donutstates.http.SalesEndpoints;
import io.donutstates.service.ShopMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/sales} and the legacy {@code POST /send}, served by a plain servlet next to
 * Spring MVC's: under a flash crowd, MVC's handler lookup, argument resolution and message
 * conversion cost more CPU than the sale itself. What is answered comes from the shared
 * {@link SalesEndpoints}, as in the Lambda handler; the OpenAPI entries are in {@code web.OpenApiDocs}.
 */
class SalesServlet extends HttpServlet {

    static final String SALES = "/api/sales";
    static final String LEGACY_SEND = "/send";
    private static final String ALLOWED = "POST, OPTIONS";
    private static final Logger log = LoggerFactory.getLogger(SalesServlet.class);
    private static final int MAX_BODY_BYTES = JsonBodies.MAX_BODY_CHARS * 4;

    private final transient SalesEndpoints endpoints;
    private final transient ShopMetrics metrics;

    SalesServlet(SalesEndpoints endpoints, ShopMetrics metrics) {
        this.endpoints = endpoints;
        this.metrics = metrics;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long arrived = System.nanoTime();
        boolean legacy = !request.getServletPath().equals(SALES);
        String method = request.getMethod();
        if (!method.equals("POST")) {
            response.setHeader("Allow", ALLOWED);
            if (!method.equals("OPTIONS")) {
                answer(response, legacy, HttpReply.methodNotAllowed(method));
            }
            return;
        }
        try {
            String body = body(request);
            var answered = request.getServletPath().equals(SALES)
                    ? endpoints.sell(request.getContentType(), body, request.getHeader("Idempotency-Key"),
                            request.getHeader("traceparent"))
                    : endpoints.send(request.getContentType(), body, request.getHeader("traceparent"));
            if (answered.result() != null) {
                metrics.sale(answered.result(), arrived);
            }
            answer(response, legacy, answered.reply());
        } catch (IllegalArgumentException e) {
            answer(response, legacy, HttpReply.badRequest(e.getMessage()));
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                log.warn("purchase answered 503: the database cannot be reached: {}", e.toString());
                answer(response, legacy, HttpReply.databaseUnavailable());
                return;
            }
            log.error("unexpected failure answering a purchase", e);
            answer(response, legacy, HttpReply.error(500, "INTERNAL_ERROR", "the shop could not complete the request; try again"));
        }
    }

    /** The body as text in its declared charset (UTF-8 if none); too long a body is bad input. */
    private static String body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("request body is larger than " + JsonBodies.MAX_BODY_CHARS + " characters");
        }
        String charset = request.getCharacterEncoding();
        return new String(bytes, charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
    }

    /** Errors as problem details on {@code /api/sales}; on the legacy {@code /send} as they always were. */
    private static void answer(HttpServletResponse response, boolean legacy, HttpReply answer) throws IOException {
        HttpReply reply = legacy ? answer.legacy() : answer;
        byte[] json = AnswerJson.bytes(reply.body());
        response.setStatus(reply.status());
        if (reply.status() == 503) {
            response.setHeader("Retry-After", String.valueOf(HttpReply.RETRY_AFTER_SECONDS));
        }
        response.setContentType(reply.contentType());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
