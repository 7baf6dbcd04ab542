package io.donutstates.messaging;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the AWS SDK clients: AWS itself, or any SQS-compatible server at an endpoint. */
public final class SqsClients {

    private SqsClients() {
    }

    /**
     * @param endpoint empty for AWS; e.g. {@code http://127.0.0.1:9324} for a local queue server,
     *                 which takes any credentials, so fixed local ones are used when none are configured
     */
    public static SqsClient sqs(Optional<URI> endpoint, String region) {
        var builder = SqsClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).credentialsProvider(localCredentials()));
        return builder.build();
    }

    public static SnsClient sns(Optional<URI> endpoint, String region) {
        var builder = SnsClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).credentialsProvider(localCredentials()));
        return builder.build();
    }

    private static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider localCredentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
