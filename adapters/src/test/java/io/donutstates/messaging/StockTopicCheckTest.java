package io.donutstates.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.shared.StartRefused;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A stock topic named without an SNS endpoint and without AWS credentials (the shop would talk to
 * AWS SNS and every stock event would wait in the outbox) refuses the start with one line naming the
 * setting. The credentials fail before any request is made, so nothing here reaches the network.
 */
class StockTopicCheckTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:donut-stock";

    /** What the default chain says when no provider has credentials, as the SDK words it. */
    private static final AwsCredentialsProvider NO_CREDENTIALS = () -> {
        throw SdkClientException.create("Unable to load credentials from any of the providers in the chain "
                + "AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), "
                + "EnvironmentVariableCredentialsProvider()]) : [SystemPropertyCredentialsProvider(): Unable to load "
                + "credentials from system settings.\nEnvironmentVariableCredentialsProvider(): Unable to load "
                + "credentials from system settings.]");
    };

    @Test
    void a_topic_arn_with_no_endpoint_and_no_credentials_refuses_the_start_in_one_line() {
        try (SnsClient sns = SnsClient.builder().region(Region.US_EAST_1).credentialsProvider(NO_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            assertThatThrownBy(() -> StockTopicCheck.verify(sns, TOPIC, Optional.empty(), "us-east-1"))
                    .isInstanceOf(StartRefused.class)
                    .hasMessageStartingWith("DONUT_SNS_TOPIC_ARN is set but no AWS credentials were found for "
                            + "AWS SNS in us-east-1 (DONUT_SNS_ENDPOINT not set): Unable to load credentials")
                    .hasMessageNotContaining("\n");
        }
    }
}
