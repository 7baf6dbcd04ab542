package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.housekeeping.RetentionPeriods;
import io.donutstates.service.DonutProperties;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The housekeeping settings as the service binds them from its environment variables. */
class HousekeepingSettingsTest {

    private static DonutProperties bind(Map<String, Object> env) {
        var environment = new StandardEnvironment();
        // Under the name Spring gives the process environment, so DONUT_* names map as in a deployment.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("donut", DonutProperties.class);
    }

    @Test
    void by_default_events_and_receipts_are_kept_a_day_and_delivered_alerts_thirty_days() {
        DonutProperties donut = bind(Map.of());

        assertThat(donut.retention().periods()).isEqualTo(RetentionPeriods.DEFAULTS);
        assertThat(donut.purge().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(donut.purge().batchSize()).isEqualTo(1000);
    }

    @Test
    void the_environment_sets_each_retention() {
        DonutProperties donut = bind(Map.of("DONUT_RETENTION_OUTBOX", "2h", "DONUT_RETENTION_IDEMPOTENCY_KEYS", "7d",
                "DONUT_RETENTION_ALERTS", "90d", "DONUT_PURGE_INTERVAL", "30s", "DONUT_PURGE_BATCH_SIZE", "500"));

        assertThat(donut.retention().periods())
                .isEqualTo(new RetentionPeriods(Duration.ofHours(2), Duration.ofDays(7), Duration.ofDays(90)));
        assertThat(donut.purge().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(donut.purge().batchSize()).isEqualTo(500);
    }

    @Test
    void refuses_to_start_with_idempotency_keys_kept_less_than_a_day() {
        assertThatThrownBy(() -> bind(Map.of("DONUT_RETENTION_IDEMPOTENCY_KEYS", "23h")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("DONUT_RETENTION_IDEMPOTENCY_KEYS")
                .hasMessageContaining("at least 24h").hasMessageContaining("PT23H");
        Assertions.assertThatNoException().isThrownBy(() -> bind(Map.of("DONUT_RETENTION_IDEMPOTENCY_KEYS", "24h")));
    }
}
