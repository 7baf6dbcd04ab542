package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.List;
import io.donutstates.factory.simulator.Faults;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ops hear of every dead-lettered replenishment exactly once, by webhook and by email (real SMTP),
 * can list the dead letters, and after healing the factory redrive them or discard them with a reason.
 */
class DeadLetterOperationsTest {

    private static final String TOKEN = "Bearer test-admin-token";
    private static final WebhookReceiver webhook = new WebhookReceiver();

    @RegisterExtension
    @Order(1)
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @RegisterExtension
    @Order(2)
    static final TestShop shop = TestShop.lazily(() -> TestShop.withDefaults(
            "DONUT_FACTORY_FAILURE_RATE", "1.0",
            "DONUT_FACTORY_GIVE_UP_AFTER", "2s",
            "DONUT_FACTORY_CIRCUIT_OPEN_FOR", "1s",
            "DONUT_QUEUE_DEAD_LETTER_WATCH_INTERVAL", "1s",
            "DONUT_ALERT_WEBHOOK_URL", webhook.url(),
            "DONUT_ALERT_EMAIL_TO", "ops@donut.test",
            "SPRING_MAIL_HOST", "127.0.0.1",
            "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort())));

    @AfterAll
    static void stopWebhook() {
        webhook.close();
    }

    private String deadLetterFor(String sku) {
        shop.factory().faults(Faults.DEFAULT.withFailureRate(1.0));
        shop.setStock(sku, 0);
        String id = shop.buy(sku, 1).json().get("replenishment").get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(
                shop.get("/api/replenishments/" + id).json().get("status").asString()));
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (var letter : shop.get("/api/admin/dlq", "Authorization", TOKEN).json()) {
                if (id.equals(letter.get("replenishmentId").asString())) {
                    return letter.get("id").asString();
                }
            }
            return null;
        }, letterId -> letterId != null);
    }

    private static List<String> webhooksAbout(String sku) {
        return webhook.bodies().stream().filter(body -> body.contains(sku)).toList();
    }

    private static List<String> emailsAbout(String sku) {
        return Arrays.stream(smtp.getReceivedMessages()).map(message -> {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(subject -> subject.contains(sku)).toList();
    }

    @Test
    void a_dead_lettered_replenishment_alerts_once_and_is_redriven_after_the_factory_heals() {
        String letterId = deadLetterFor("CP-502101");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(webhooksAbout("CP-502101")).hasSize(1);
            assertThat(emailsAbout("CP-502101")).hasSize(1);
        });
        assertThat(webhooksAbout("CP-502101").get(0)).contains("부산도너츠").contains("FF-500293")
                .contains("dead-lettered").contains("503");
        assertThat(emailsAbout("CP-502101").get(0)).contains("DEAD_LETTERED");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(webhooksAbout("CP-502101")).as("one alert per incident").hasSize(1);
            assertThat(emailsAbout("CP-502101")).hasSize(1);
        });

        shop.factory().faults(Faults.DEFAULT.withDelay(Duration.ofMillis(200)));
        var redrive = shop.post("/api/admin/dlq/" + letterId + "/redrive", "", "Authorization", TOKEN);
        assertThat(redrive.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shop.stockOf("CP-502101")).isEqualTo(10));
        var redriven = shop.replenishments("CP-502101").get(0);
        assertThat(redriven.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(shop.get("/api/admin/dlq", "Authorization", TOKEN).json().size()).isZero();
    }

    @Test
    void a_discarded_dead_letter_leaves_its_reason_in_the_history() {
        String letterId = deadLetterFor("CP-502104");
        String id = shop.replenishments("CP-502104").get(0).get("id").asString();

        var discard = shop.delete("/api/admin/dlq/" + letterId + "?reason=factory%20retired%20this%20donut",
                "Authorization", TOKEN);

        assertThat(discard.status()).isEqualTo(200);
        assertThat(shop.get("/api/replenishments/" + id).json().get("notes").toString())
                .contains("factory retired this donut");
        assertThat(shop.get("/api/admin/dlq", "Authorization", TOKEN).json().toString()).doesNotContain(letterId);
    }

    @Test
    void dead_letter_operations_need_the_admin_token() {
        assertThat(shop.get("/api/admin/dlq").status()).isEqualTo(401);
        assertThat(shop.post("/api/admin/dlq/redrive", "").status()).isEqualTo(401);
        assertThat(shop.delete("/api/admin/dlq/x").status()).isEqualTo(401);
    }
}
