package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A purchase retried under the same Idempotency-Key sells once and gets the first answer. */
class IdempotentSalesTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults("DONUT_FACTORY_DELAY", "10m");

    private static TestShop.Answer buyWithKey(String key, String sku, int quantity) {
        return shop.post("/api/sales", "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}",
                "Idempotency-Key", key);
    }

    @Test
    void a_retry_returns_the_first_answer_and_sells_nothing_more() {
        shop.setStock("CP-502104", 10);
        String key = UUID.randomUUID().toString();

        var first = buyWithKey(key, "CP-502104", 2);
        var retry = buyWithKey(key, "CP-502104", 2);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(shop.stockOf("CP-502104")).isEqualTo(8);
    }

    @Test
    void concurrent_retries_of_one_key_sell_once() {
        shop.setStock("CP-502104", 10);
        String key = UUID.randomUUID().toString();

        List<TestShop.Answer> answers = Crowd.run(20, 20, n -> buyWithKey(key, "CP-502104", 1));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.json().get("id").asLong()).distinct()).hasSize(1);
        assertThat(shop.stockOf("CP-502104")).isEqualTo(9);
    }

    @Test
    void the_same_key_for_a_different_purchase_is_refused_422() {
        shop.setStock("CP-502104", 10);
        String key = UUID.randomUUID().toString();
        buyWithKey(key, "CP-502104", 1);

        var other = buyWithKey(key, "CP-502104", 3);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("message").asString()).contains("Idempotency-Key");
        assertThat(shop.stockOf("CP-502104")).isEqualTo(9);
    }

    @Test
    void an_out_of_stock_answer_is_repeated_too() {
        shop.setStock("CP-502104", 0);
        String key = UUID.randomUUID().toString();
        var first = buyWithKey(key, "CP-502104", 1);
        shop.setStock("CP-502104", 5);

        var retry = buyWithKey(key, "CP-502104", 1);

        assertThat(first.status()).isEqualTo(409);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("replenishment").get("id").asString())
                .isEqualTo(first.json().get("replenishment").get("id").asString());
        assertThat(shop.stockOf("CP-502104")).isEqualTo(5);
    }

    @Test
    void the_first_answer_survives_a_restart() {
        shop.setStock("CP-502104", 10);
        String key = UUID.randomUUID().toString();
        var first = buyWithKey(key, "CP-502104", 1);

        // A second shop on the same database stands for the restarted service.
        var restarted = TestShop.withDefaults("DONUT_DB_URL", shop.shop().settings().get("DONUT_DB_URL"));
        try {
            var retry = restarted.start().post("/api/sales", "{\"sku\":\"CP-502104\",\"quantity\":1}",
                    "Idempotency-Key", key);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
            assertThat(restarted.stockOf("CP-502104")).isEqualTo(9);
        } finally {
            restarted.afterAll(null);
        }
    }

    @Test
    void a_malformed_key_is_refused_400() {
        var answer = buyWithKey("x".repeat(101), "CP-502104", 1);
        assertThat(answer.status()).isEqualTo(400);
    }
}
