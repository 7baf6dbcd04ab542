package io.donutstates.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The callback token is bound to one replenishment and one secret. */
class DeliveryCallbacksTest {

    private final DeliveryCallbacks callbacks =
            new DeliveryCallbacks(() -> "http://shop.example/", "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

    @Test
    void the_url_carries_a_token_that_only_its_replenishment_accepts() {
        var id = ReplenishmentId.random();
        var url = callbacks.urlFor(id).toString();
        String token = url.substring(url.indexOf("token=") + 6);

        assertThat(url).startsWith("http://shop.example/api/factory/callbacks/" + id + "?token=");
        assertThat(callbacks.isGenuine(id, token)).isTrue();
        assertThat(callbacks.isGenuine(ReplenishmentId.random(), token)).isFalse();
        assertThat(callbacks.isGenuine(id, token.substring(1))).isFalse();
        assertThat(callbacks.isGenuine(id, null)).isFalse();
    }

    @Test
    void another_secret_makes_other_tokens() {
        var id = ReplenishmentId.random();
        var other = new DeliveryCallbacks(() -> "http://shop.example", "another-secret-of-length".getBytes(StandardCharsets.UTF_8));
        assertThat(other.tokenFor(id)).isNotEqualTo(callbacks.tokenFor(id));
    }
}
