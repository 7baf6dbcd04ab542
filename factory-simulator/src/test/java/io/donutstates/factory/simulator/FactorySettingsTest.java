package io.donutstates.factory.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactorySettingsTest {

    @Test
    void emptyEnvironmentGivesTheDefaults() {
        FactorySettings settings = FactorySettings.fromEnvironment(Map.of());

        assertThat(settings).isEqualTo(FactorySettings.defaults());
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8081);
        assertThat(settings.adminToken()).isNull();
        assertThat(settings.faults()).isEqualTo(new Faults(0.0, Duration.ofSeconds(3), false, false, "application/json"));
    }

    @Test
    void everyVariableIsRead() {
        FactorySettings settings = FactorySettings.fromEnvironment(Map.of(
                "DONUT_FACTORY_HOST", "0.0.0.0",
                "DONUT_FACTORY_PORT", "0",
                "DONUT_FACTORY_DELAY", "500ms",
                "DONUT_FACTORY_FAILURE_RATE", "0.25",
                "DONUT_FACTORY_DUPLICATE_CALLBACKS", "true",
                "DONUT_FACTORY_DROP_CALLBACKS", "TRUE",
                "DONUT_FACTORY_CALLBACK_CONTENT_TYPE", "text/plain",
                "DONUT_FACTORY_ADMIN_TOKEN", "tok",
                "DONUT_FACTORY_CALLBACK_RETRY_BACKOFF", "100ms, 1s"));

        assertThat(settings).isEqualTo(new FactorySettings("0.0.0.0", 0,
                new Faults(0.25, Duration.ofMillis(500), true, true, "text/plain"), "tok",
                List.of(Duration.ofMillis(100), Duration.ofSeconds(1))));
        assertThat(settings.toString()).doesNotContain("tok");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DONUT_FACTORY_PORT                  | 70000      | DONUT_FACTORY_PORT
            DONUT_FACTORY_PORT                  | http       | DONUT_FACTORY_PORT
            DONUT_FACTORY_DELAY                 | soon       | DONUT_FACTORY_DELAY
            DONUT_FACTORY_DELAY                 | 48h        | DONUT_FACTORY_DELAY
            DONUT_FACTORY_FAILURE_RATE          | 1.1        | DONUT_FACTORY_FAILURE_RATE
            DONUT_FACTORY_FAILURE_RATE          | NaN        | DONUT_FACTORY_FAILURE_RATE
            DONUT_FACTORY_DUPLICATE_CALLBACKS   | sometimes  | DONUT_FACTORY_DUPLICATE_CALLBACKS
            DONUT_FACTORY_DROP_CALLBACKS        | 2          | DONUT_FACTORY_DROP_CALLBACKS
            DONUT_FACTORY_CALLBACK_CONTENT_TYPE | text/xml   | DONUT_FACTORY_CALLBACK_CONTENT_TYPE
            DONUT_FACTORY_CALLBACK_RETRY_BACKOFF| 1s,-5      | DONUT_FACTORY_CALLBACK_RETRY_BACKOFF
            """)
    void badValueFailsWithAMessageNamingTheVariable(String variable, String value, String expected) {
        assertThatThrownBy(() -> FactorySettings.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected)
                .hasMessageContaining(value);
    }

    @ParameterizedTest
    @CsvSource({"500ms,500", "3s,3000", "2m,120000", "PT3S,3000", "pt0.25s,250", "1500,1500", "0,0", "1h,3600000"})
    void durationsAreParsed(String text, long millis) {
        assertThat(Durations.parse(text, "x").toMillis()).isEqualTo(millis);
        assertThat(FactorySettings.fromEnvironment(Map.of("DONUT_FACTORY_DELAY", text)).faults().delay().toMillis())
                .isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource({"0,0ms", "250,250ms", "3000,3s", "1500,1500ms", "120000,2m", "7200000,2h"})
    void durationsAreFormatted(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    }
}
