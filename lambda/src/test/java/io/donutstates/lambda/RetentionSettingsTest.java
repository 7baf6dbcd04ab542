package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.housekeeping.RetentionPeriods;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The functions keep history as long as the service does, from the same variables. */
class RetentionSettingsTest {

    @Test
    void by_default_the_functions_keep_what_the_service_keeps() {
        assertThat(LambdaShop.retention(LambdaSettings.from(Map.of()))).isEqualTo(RetentionPeriods.DEFAULTS);
    }

    @Test
    void each_retention_is_read_from_its_variable() {
        var settings = LambdaSettings.from(Map.of("DONUT_RETENTION_OUTBOX", "2h",
                "DONUT_RETENTION_IDEMPOTENCY_KEYS", "7d", "DONUT_RETENTION_ALERTS", "90d"));

        assertThat(LambdaShop.retention(settings))
                .isEqualTo(new RetentionPeriods(Duration.ofHours(2), Duration.ofDays(7), Duration.ofDays(90)));
    }

    @Test
    void refuses_idempotency_keys_kept_less_than_a_day() {
        var settings = LambdaSettings.from(Map.of("DONUT_RETENTION_IDEMPOTENCY_KEYS", "12h"));

        assertThatThrownBy(() -> LambdaShop.retention(settings)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DONUT_RETENTION_IDEMPOTENCY_KEYS").hasMessageContaining("at least 24h");
    }
}
