package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser: buy the shelf empty with the Buy button, see the refusal name the
 * replenishment, watch it go through its stages to delivered, and the stock bar rise again.
 */
class DashboardBuyTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_FACTORY_DELAY", "1s");

    @Test
    void buying_the_shelf_empty_shows_the_refusal_the_replenishment_and_the_restock() {
        shop.setStock(TestShop.SKU, 2);
        try (var browser = DashboardBrowser.open()) {
            browser.laptop();
            browser.get(shop.shop().apiUrl() + "/");
            String row = "li.product[data-sku='" + TestShop.SKU + "']";
            browser.visible(row + "[data-stock='2']", SHORT);
            assertThat(browser.visible("#live", SHORT).getText()).isEqualTo("live");

            WebElement buy = browser.visible(row + " button.buy", SHORT);
            buy.click();
            browser.visible(row + " .answer.sold", SHORT);
            browser.waitUntil(SHORT, d -> answer(browser, row).equals("Sold 1 · 1 left"));
            browser.waitUntil(SHORT, d -> buy.isEnabled());
            buy.click();
            browser.waitUntil(SHORT, d -> answer(browser, row).equals("Sold 1 · 0 left"));
            browser.waitUntil(SHORT, d -> buy.isEnabled());
            buy.click();

            var refusal = browser.visible(row + " .answer.refused", SHORT);
            assertThat(refusal.getText()).startsWith("Out of stock (0 available).").contains("10 on the way");
            browser.visible(row + "[data-stock='0']", SHORT);

            // the replenishment appears with its stepper and reaches delivered
            String card = "#active li.repl";
            browser.visible(card, SHORT);
            String id = browser.driver().findElement(By.cssSelector(card)).getDomAttribute("data-id");
            assertThat(refusal.getText()).contains(id.substring(0, 8));
            browser.visible("#active li.repl[data-id='" + id + "'][data-status='DELIVERED']", Duration.ofSeconds(30));
            assertThat(browser.driver().findElements(By.cssSelector(
                    "#active li.repl[data-id='" + id + "'] .stepper .step.done"))).hasSize(3);
            browser.visible("#history tr[data-id='" + id + "'][data-status='DELIVERED']", SHORT);

            // and the stock bar rises again, to the 10 delivered (a full bar)
            browser.visible(row + "[data-stock='10']", SHORT);
            var bar = browser.visible(row + " .bar", SHORT);
            var fill = bar.findElement(By.cssSelector(".bar-fill"));
            browser.waitUntil(SHORT, d -> fill.getRect().getWidth() >= bar.getRect().getWidth() - 1);
            assertThat(browser.driver().findElements(By.cssSelector("#sales-chart rect.bar-s"))).isNotEmpty();
            browser.assertNoHorizontalOverflow();
            browser.screenshot("dashboard-buy-laptop");

            browser.phone();
            browser.visible(row + " button.buy", SHORT);
            browser.assertNoHorizontalOverflow();
            browser.screenshot("dashboard-buy-phone");

            // the console is really read: the expected 409 (out of stock) shows there, and nothing worse
            assertThat(browser.consoleEntries()).anySatisfy(e -> assertThat(e.getMessage()).contains("409"));
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void the_dashboard_and_the_openapi_document_are_served_by_the_app_itself() {
        var page = shop.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("dashboard.js").doesNotContain("//cdn").doesNotContain("https://");
        assertThat(shop.get("/dashboard.js").status()).isEqualTo(200);

        var docs = shop.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        var api = docs.json();
        assertThat(api.get("info").get("title").asString()).isEqualTo("Donut-States Sales API");
        assertThat(api.get("paths").has("/api/sales")).isTrue();
        assertThat(api.get("paths").get("/api/sales").get("post").get("requestBody").toString())
                .contains("#/components/schemas/Purchase");
        assertThat(api.at("/components/schemas/Purchase/properties").has("quantity")).isTrue();
        assertThat(api.get("paths").get("/api/admin/products/{sku}/stock").get("put").get("security").toString())
                .contains("adminToken");

        assertThat(shop.get("/swagger-ui.html").status()).isIn(200, 302);
        var ui = shop.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui-bundle.js");
    }

    private static String answer(DashboardBrowser browser, String row) {
        var answers = browser.driver().findElements(By.cssSelector(row + " .answer"));
        return answers.isEmpty() ? "" : answers.get(0).getText();
    }
}
