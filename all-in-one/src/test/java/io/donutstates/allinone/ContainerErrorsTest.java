package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the web server itself refuses before any endpoint reads them, sent byte for byte over a
 * socket: each is answered with the shop's problem details (application/problem+json) and its security headers, never Tomcat's
 * HTML page or Spring Boot's own error shape, and no answer names a Java type.
 */
class ContainerErrorsTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A raw request and the status it must get. */
    record Row(String name, String request, int expected) {

        @Override
        public String toString() {
            return name + " -> " + expected;
        }
    }

    private static String get(String target, String... headerLines) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headerLines)
                + "Connection: close\r\n\r\n";
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("an undecodable path /%", get("/%"), 400),
                new Row("a truncated escape in a path", get("/api/products/CP-50210%4"), 400),
                new Row("an encoded slash", get("/api/products/CP%2F502101"), 400),
                new Row("an encoded backslash", get("/api/products/CP%5C502101"), 400),
                new Row("an encoded NUL", get("/api/products/%00"), 400),
                new Row("a path parameter climbing out of /api", get("/api/..;/x"), 404),
                new Row("a dot-dot segment climbing above the root", get("/../etc/passwd"), 400),
                new Row("a character invalid in a request target", get("/api/products/{sku}"), 400),
                new Row("a header of 40 KB", get("/api/products", "X-Padding: " + "a".repeat(40 * 1024) + "\r\n"), 400),
                new Row("a malformed request line", "GARBAGE\r\n\r\n", 400),
                new Row("two Host headers", get("/api/products", "Host: elsewhere\r\n"), 400),
                new Row("a header line without a colon", get("/api/products", "NoColonHere\r\n"), 400),
                new Row("a Content-Length that is not a number", "POST /api/sales HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: lots\r\nConnection: close\r\n\r\n{}", 400),
                new Row("TRACE", "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 405),
                new Row("an unknown method on the catalog", "BREW /api/products HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n", 405),
                new Row("DELETE on the dashboard", "DELETE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 405),
                new Row("an unknown path asked for as HTML", get("/nope", "Accept: text/html\r\n"), 404),
                new Row("the error path itself, asked for as HTML", get("/error", "Accept: text/html\r\n"), 404),
                new Row("a limit that is not a number", get("/api/products/CP-502101/ledger?limit=abc"), 400));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void is_answered_with_problem_details_and_the_security_headers(Row row) {
        RawHttp.Answer answer = RawHttp.exchange(port(), row.request());

        String shown = answer.body().length() > 600 ? answer.body().substring(0, 600) + "..." : answer.body();
        assertThat(answer.status()).as("%s: status; body %s", row, shown).isEqualTo(row.expected());
        assertThat(answer.body()).as("%s: body", row)
                .doesNotContainIgnoringCase("<html").doesNotContain("Tomcat").doesNotContain("java.")
                .doesNotContain("Exception").doesNotContain("timestamp");
        JsonNode json = ProblemDetails.assertProblem(row.toString(), answer.header("Content-Type"), answer.body(), null);
        assertThat(json.get("message").asString()).as("%s: a message: %s", row, shown).isNotBlank();
        assertThat(answer.header("X-Content-Type-Options")).as("%s: nosniff", row).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).as("%s: no framing", row).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).as("%s: no referrer", row).isEqualTo("no-referrer");
        assertThat(answer.header("Content-Security-Policy")).as("%s: content security policy", row)
                .contains("default-src 'none'").contains("frame-ancestors 'none'");
    }

    @Test
    void a_query_parameter_that_does_not_convert_is_named_in_words() {
        var answer = shop.get("/api/replenishments?limit=lots");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asString()).isEqualTo("limit must be a whole number (got 'lots')");
    }

    @Test
    void a_method_the_catalog_does_not_take_is_answered_with_the_methods_it_does() {
        var answer = RawHttp.exchange(port(), "PATCH /api/products HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).contains("GET");
        assertThat(JSON.readTree(answer.body()).get("message").asString()).isEqualTo("Request method 'PATCH' is not supported");
    }

    private static int port() {
        return URI.create(shop.shop().apiUrl()).getPort();
    }
}
