package io.donutstates.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicTextTest {

    @Test
    void addresses_and_java_package_names_are_left_out_and_what_happened_stays() {
        assertThat(PublicText.ofError("HTTP 503 from http://10.0.0.5:8081/api/manufactures: {\"error\":\"busy\"}"))
                .isEqualTo("HTTP 503 from <address>: {\"error\":\"busy\"}");
        assertThat(PublicText.ofError("circuit open; last: factory unreachable at https://factory.internal/api/manufactures: "
                + "java.net.ConnectException: Connection refused"))
                .isEqualTo("circuit open; last: factory unreachable at <address>: ConnectException: Connection refused");
        assertThat(PublicText.ofError("software.amazon.awssdk.core.exception.SdkClientException: Unable to load credentials"))
                .isEqualTo("SdkClientException: Unable to load credentials");
        assertThat(PublicText.ofError("factory has not taken the order for 10m (58 attempts)"))
                .isEqualTo("factory has not taken the order for 10m (58 attempts)");
        assertThat(PublicText.ofError(null)).isNull();
    }
}
