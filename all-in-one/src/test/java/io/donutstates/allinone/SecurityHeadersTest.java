package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every answer carries the security headers; the dashboard and Swagger UI carry a content security
 * policy that allows their own files only, and still work in a real browser that enforces it.
 */
class SecurityHeadersTest {

    private static final Duration SHORT = Duration.ofSeconds(15);

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void the_dashboard_page_may_load_only_its_own_files_and_may_not_be_framed() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(shop.uri("/")).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertCommonHeaders(page);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        // Nothing inline for the policy to block: every script and style comes from a file.
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void api_answers_and_error_answers_carry_the_api_headers() {
        shop.setStock(TestShop.SKU, 3);
        List<HttpResponse<String>> answers = List.of(
                send(HttpRequest.newBuilder(shop.uri("/api/products")).GET()),
                send(HttpRequest.newBuilder(shop.uri("/api/sales")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"CP-502101\",\"quantity\":1}"))),
                send(HttpRequest.newBuilder(shop.uri("/send")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"MessageAttributeProductId\":\"CP-502101\"}"))),
                send(HttpRequest.newBuilder(shop.uri("/api/nope")).GET()),
                send(HttpRequest.newBuilder(shop.uri("/api/admin/invariants")).GET()),
                send(HttpRequest.newBuilder(shop.uri("/actuator/health")).GET()),
                send(HttpRequest.newBuilder(shop.uri("/dashboard.js")).GET()));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 201, 200, 404, 401, 200, 200);
        for (var answer : answers) {
            assertCommonHeaders(answer);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as("%s", answer.uri())
                    .hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        }
    }

    @Test
    void the_dashboard_works_under_its_policy_and_the_browser_enforces_it() {
        try (var browser = DashboardBrowser.open()) {
            browser.laptop();
            browser.get(shop.shop().apiUrl() + "/");
            browser.visible("li.product[data-sku='" + TestShop.SKU + "']", SHORT);
            browser.waitUntil(SHORT, d -> "live".equals(d.findElement(org.openqa.selenium.By.id("live")).getText()));
            browser.visible("li.product .bar-fill", SHORT);
            browser.assertNoConsoleErrors();

            browser.script("window.violations = [];"
                    + "document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective));"
                    + "const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                    + "document.head.appendChild(s);");
            browser.waitUntil(SHORT, d -> ((Number) browser.script("return window.violations.length")).intValue() > 0);
            assertThat(browser.script("return window.inlineRan === true")).isEqualTo(false);
            assertThat(String.valueOf(browser.script("return window.violations[0]"))).startsWith("script-src");
        }
    }

    @Test
    void swagger_ui_renders_the_api_under_its_policy() {
        try (var browser = DashboardBrowser.open()) {
            browser.laptop();
            browser.get(shop.shop().apiUrl() + "/swagger-ui/index.html");
            var title = browser.visible(".swagger-ui .info .title", SHORT);
            assertThat(title.getText()).contains("Donut-States Sales API");
            browser.visible(".opblock-summary-path[data-path='/api/sales']", SHORT);
            browser.assertNoConsoleErrors();
        }
    }

    private static void assertCommonHeaders(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).as("%s", answer.uri()).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).as("%s", answer.uri()).hasValue("DENY");
        assertThat(answer.headers().firstValue("Referrer-Policy")).as("%s", answer.uri()).hasValue("no-referrer");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
