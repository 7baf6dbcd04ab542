package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.factory.simulator.Faults;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser: a factory that always fails sends the replenishment to
 * dead_letter_queue; the operator heals the factory, unlocks the admin actions with the token (a
 * wrong one is refused and asked for again), and redrives the dead letter until the stock is back.
 */
class DashboardDeadLetterTest {

    private static final Duration SHORT = Duration.ofSeconds(10);
    private static final String TOKEN_KEY = "donut-states.admin-token";

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            "DONUT_FACTORY_FAILURE_RATE", "1.0",
            "DONUT_FACTORY_GIVE_UP_AFTER", "2s",
            "DONUT_FACTORY_CIRCUIT_OPEN_FOR", "1s",
            "DONUT_QUEUE_VISIBILITY_TIMEOUT", "1s",
            "DONUT_QUEUE_DEAD_LETTER_WATCH_INTERVAL", "1s");

    @Test
    void a_dead_lettered_replenishment_is_redriven_from_the_dashboard() {
        shop.setStock(TestShop.SKU, 0);
        var refused = shop.buy(TestShop.SKU, 1);
        assertThat(refused.status()).isEqualTo(409);
        String replenishment = refused.json().get("replenishment").get("id").asString();

        try (var browser = DashboardBrowser.open()) {
            browser.laptop();
            browser.get(shop.shop().apiUrl() + "/");

            // the message lands in dead_letter_queue and the replenishment fails, in plain sight
            browser.waitUntil(Duration.ofSeconds(40), d -> "1".equals(d.findElement(By.id("dlq-depth")).getText()));
            browser.visible("#history tr[data-id='" + replenishment + "'][data-status='FAILED']", SHORT);
            browser.visible("#alerts li", Duration.ofSeconds(15));
            assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();

            shop.factory().faults(Faults.DEFAULT.withFailureRate(0.0).withDelay(Duration.ofMillis(300)));

            // the admin token is asked for once; a wrong one is refused, forgotten and asked for again
            browser.visible("#dlq-unlock", SHORT).click();
            enterToken(browser, "not-the-token");
            browser.waitUntil(SHORT, d -> d.findElement(By.id("token-error")).isDisplayed());
            assertThat(browser.driver().findElement(By.id("token-error")).getText()).startsWith("That token was refused");
            enterToken(browser, "test-admin-token");
            browser.waitUntil(SHORT, d -> !d.findElement(By.id("token-dialog")).isDisplayed());
            assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isEqualTo("test-admin-token");
            assertThat(browser.script("return localStorage.length")).isEqualTo(0L);

            // a few sales elsewhere, one batch per refresh of the page, so the chart has something to draw
            for (int i = 0; i < 6; i++) {
                for (int n = 0; n <= i % 3; n++) {
                    assertThat(shop.buy("CP-502102", 1).status()).isEqualTo(201);
                }
                String updated = browser.driver().findElement(By.id("updated")).getText();
                browser.waitUntil(SHORT, d -> !updated.equals(d.findElement(By.id("updated")).getText()));
            }
            String letter = "#dlq li[data-replenishment='" + replenishment + "']";
            browser.visible(letter, SHORT);
            assertThat(browser.driver().findElement(By.cssSelector(letter)).getText()).contains(TestShop.SKU);
            browser.assertNoHorizontalOverflow();
            browser.screenshot("dashboard-dead-letter-laptop");

            browser.visible(letter + " button.redrive", SHORT).click();

            // back through stock_queue to the healed factory: delivered, and the shelf is stocked again
            browser.visible("#history tr[data-id='" + replenishment + "'][data-status='DELIVERED']", Duration.ofSeconds(30));
            browser.visible("li.product[data-sku='" + TestShop.SKU + "'][data-stock='10']", SHORT);
            browser.waitUntil(SHORT, d -> "0".equals(d.findElement(By.id("dlq-depth")).getText()));
            browser.waitUntil(SHORT, d -> d.findElements(By.cssSelector(letter)).isEmpty());
            browser.visible("#dlq-empty", SHORT);
            browser.screenshot("dashboard-redriven-laptop");

            browser.phone();
            browser.visible("#dlq-card", SHORT);
            browser.assertNoHorizontalOverflow();
            browser.screenshot("dashboard-redriven-phone");

            browser.assertNoConsoleErrors();
        }
        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(10);
    }

    private static void enterToken(DashboardBrowser browser, String token) {
        WebElement input = browser.visible("#token-input", SHORT);
        input.clear();
        input.sendKeys(token);
        browser.driver().findElement(By.id("token-ok")).click();
    }
}
