package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The dashboard as people with other screens, eyes and languages meet it, in the real browser:
 * axe-core (the engine of Lighthouse's accessibility audit; {@code axe.min.js} from the pinned
 * {@code com.deque.html.axe-core:selenium} jar)
 * finds no serious or critical violation in the light or the dark theme; the page does not jump while
 * it loads and polls (cumulative layout shift below 0.1, measured by a {@code layout-shift}
 * PerformanceObserver installed before the page's first byte); and a Korean product name is drawn
 * with a font that has Hangul, not as empty boxes. At phone (390x844) and laptop (1366x768) sizes.
 */
class DashboardA11yTest {

    private static final Duration SHORT = Duration.ofSeconds(15);
    /** The demo catalog's CP-502101 is named in Korean. */
    private static final String KOREAN_NAME = "부산도너츠";
    /** Fonts with Hangul that the dashboard's font stack names, or fontconfig's Korean fallbacks on Linux. */
    private static final Pattern KOREAN_FONT = Pattern.compile(
            "(?i).*(Noto Sans (CJK|KR)|Noto Serif CJK|Apple SD Gothic Neo|Malgun Gothic|Nanum|Source Han|UnDotum|Baekmuk).*");

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    /** Sums every layout shift not caused by the user; installed before any of the page's own script runs. */
    private static final String LAYOUT_SHIFT_OBSERVER = """
            window.__layoutShift = 0;
            window.__layoutShifts = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) {
                if (entry.hadRecentInput) continue;
                window.__layoutShift += entry.value;
                window.__layoutShifts.push(entry.value.toFixed(4) + ' at ' + Math.round(entry.startTime) + ' ms: '
                  + (entry.sources || []).map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?')
                    .join(', '));
              }
            }).observe({ type: 'layout-shift', buffered: true });
            """;

    @Test
    void axe_core_finds_no_serious_or_critical_violation_in_either_theme_on_a_phone_or_a_laptop() {
        try (var browser = DashboardBrowser.open()) {
            for (String scheme : List.of("light", "dark")) {
                browser.cdp("Emulation.setEmulatedMedia", Map.of("features",
                        List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                for (var screen : screens()) {
                    onScreen(browser, screen);
                    awaitLive(browser);
                    List<String> serious = seriousViolations(browser);
                    assertThat(serious).as("serious or critical axe-core violations, %s theme, %s px wide", scheme,
                            browser.script("return window.innerWidth")).isEmpty();
                }
            }
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void the_page_does_not_shift_while_it_loads_and_refreshes_on_a_phone_or_a_laptop() throws InterruptedException {
        try (var browser = DashboardBrowser.open()) {
            browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LAYOUT_SHIFT_OBSERVER));
            for (var screen : screens()) {
                onScreen(browser, screen);
                awaitLive(browser);
                // A buyer lines up while the operator watches (the factory keeps its callbacks, so the line
                // stays): the product's waiting badge appears without moving what is already on screen.
                var faults = shop.factory().faults();
                shop.factory().faults(faults.withDropCallbacks(true));
                try {
                    shop.setStock("CP-502103", 0);
                    var waiting = shop.post("/api/sales",
                            "{\"sku\":\"CP-502103\",\"quantity\":1,\"backorder\":true}");
                    assertThat(waiting.status()).as(waiting.body()).isEqualTo(202);
                    browser.visible("li.product[data-sku='CP-502103'] .badge.waiting", SHORT);
                    Thread.sleep(4_000); // a few refreshes of every list, as an operator watching it sees them
                } finally {
                    shop.factory().faults(faults);
                }
                double shift = ((Number) browser.script("return window.__layoutShift")).doubleValue();
                long width = ((Number) browser.script("return window.innerWidth")).longValue();
                System.out.println("layout shift at " + width + " px: " + shift + " "
                        + browser.script("return window.__layoutShifts"));
                assertThat(shift).as("cumulative layout shift at %d px wide; shifts: %s", width,
                        browser.script("return window.__layoutShifts")).isLessThan(0.1);
                assertThat(browser.script("return typeof window.__layoutShift")).isEqualTo("number");
            }
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void a_korean_product_name_is_drawn_with_a_font_that_has_hangul() {
        try (var browser = DashboardBrowser.open()) {
            for (var screen : screens()) {
                onScreen(browser, screen);
                String name = "li.product[data-sku='" + TestShop.SKU + "'] .product-name";
                browser.waitUntil(SHORT, d -> d.findElements(By.cssSelector(name)).stream()
                        .anyMatch(e -> e.getText().equals(KOREAN_NAME)));

                List<String> fonts = platformFonts(browser, name);
                assertThat(fonts).as("fonts Chromium drew '%s' with (install a Korean font, e.g. Debian's "
                        + "fonts-noto-cjk: apt-get install -y fonts-noto-cjk)", KOREAN_NAME)
                        .isNotEmpty().allMatch(f -> KOREAN_FONT.matcher(f).matches(), "a font with Hangul");
                browser.screenshot("dashboard-korean-" + browser.script("return window.innerWidth"));
            }
            String stack = (String) browser.script(
                    "return getComputedStyle(document.querySelector('.product-name')).fontFamily");
            assertThat(stack).contains("Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic");
        }
    }

    /**
     * Loads the page with the screen's size in force from its first byte: a phone's width shows only on a
     * page that declares its viewport, so the size is set on the page, which then loads afresh.
     */
    private static void onScreen(DashboardBrowser browser, Consumer<DashboardBrowser> screen) {
        browser.get(shop.shop().apiUrl() + "/");
        screen.accept(browser);
        browser.get(shop.shop().apiUrl() + "/");
    }

    private static List<Consumer<DashboardBrowser>> screens() {
        return List.of(DashboardBrowser::phone, DashboardBrowser::laptop);
    }

    private static void awaitLive(DashboardBrowser browser) {
        browser.visible("li.product[data-sku='" + TestShop.SKU + "']", SHORT);
        browser.waitUntil(SHORT, d -> "live".equals(d.findElement(By.id("live")).getText()));
        browser.visible("#repl-counts .badge.DELIVERED", SHORT);
    }

    /** Runs axe-core on the page as it is; each serious or critical violation as one line with its nodes. */
    @SuppressWarnings("unchecked")
    private static List<String> seriousViolations(DashboardBrowser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(axeSource());
        }
        var result = (Map<String, Object>) browser.asyncScript(Duration.ofSeconds(60), """
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((r) => done({ violations: r.violations.map((v) => ({
                      id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map((n) => n.target.join(' ') + ' — ' + n.failureSummary) })) }))
                  .catch((e) => done({ error: String(e) }));
                """);
        assertThat(result.get("error")).as("axe-core ran").isNull();
        List<String> serious = new ArrayList<>();
        for (var violation : (List<Map<String, Object>>) result.get("violations")) {
            String line = violation.get("impact") + " " + violation.get("id") + ": " + violation.get("help") + " "
                    + violation.get("nodes");
            System.out.println("axe-core: " + line);
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(line);
            }
        }
        return serious;
    }

    /** The family names of the fonts Chromium used to draw the element's text (CSS.getPlatformFontsForNode). */
    @SuppressWarnings("unchecked")
    private static List<String> platformFonts(DashboardBrowser browser, String css) {
        browser.cdp("DOM.enable", Map.of());
        browser.cdp("CSS.enable", Map.of());
        return browser.waitUntil(SHORT, d -> {
            try {
                var root = (Map<String, Object>) browser.cdp("DOM.getDocument", Map.of("depth", 0)).get("root");
                Object nodeId = browser.cdp("DOM.querySelector", Map.of("nodeId", root.get("nodeId"), "selector", css))
                        .get("nodeId");
                var fonts = (List<Map<String, Object>>) browser.cdp("CSS.getPlatformFontsForNode",
                        Map.of("nodeId", nodeId)).get("fonts");
                fonts.forEach(f -> System.out.println("font for " + css + ": " + f));
                return fonts.stream().map(f -> (String) f.get("familyName")).toList();
            } catch (RuntimeException e) {
                return null; // the node was replaced by a refresh: ask again
            }
        });
    }

    private static String axeSource() {
        String resource = "axe.min.js";
        try (InputStream in = DashboardA11yTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("axe-core on the test class path (" + resource + ")").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
