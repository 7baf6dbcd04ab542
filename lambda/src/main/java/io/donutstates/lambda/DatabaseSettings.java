package io.donutstates.lambda;

import io.donutstates.shared.Database;
import io.donutstates.shop.ShopSettings;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database connection of a function: URL and user from the environment, the password either
 * from {@code DONUT_DB_PASSWORD} (local runs) or from the Secrets Manager secret named by
 * {@code DONUT_DB_SECRET_ARN}, read once per container so the password never sits in the function's
 * configuration. The secret may be the bare password or RDS-style JSON ({@code {"username":..,"password":..}}).
 */
final class DatabaseSettings {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private DatabaseSettings() {
    }

    static Database.Settings from(LambdaSettings settings, int defaultPoolSize) {
        var defaults = ShopSettings.defaults().db();
        String url = settings.text("DONUT_DB_URL", defaults.url());
        String user = settings.optional("DONUT_DB_USER").orElse(null);
        String password = settings.optional("DONUT_DB_PASSWORD").orElse(null);
        var secretArn = settings.optional("DONUT_DB_SECRET_ARN");
        if (password == null && secretArn.isPresent()) {
            var secret = credentials(readSecret(settings, secretArn.get()));
            password = secret.password();
            if (user == null) {
                user = secret.username();
            }
        }
        return new Database.Settings(url, user == null ? defaults.user() : user, password == null ? "" : password,
                settings.integer("DONUT_DB_POOL_SIZE", defaultPoolSize), Duration.ofSeconds(5));
    }

    record Credentials(String username, String password) { }

    /** The secret string as bare password or as JSON with {@code password} (and maybe {@code username}). */
    static Credentials credentials(String secretString) {
        String text = secretString == null ? "" : secretString.strip();
        if (text.startsWith("{")) {
            try {
                Map<?, ?> fields = JSON.readValue(text, Map.class);
                Object password = fields.get("password");
                Object username = fields.get("username");
                if (password instanceof String p) {
                    return new Credentials(username instanceof String u ? u : null, p);
                }
            } catch (JacksonException e) {
                // not JSON after all: the whole string is the password
            }
        }
        return new Credentials(null, secretString);
    }

    /** The secret's string, read once through the Secrets Manager API (DONUT_SECRETS_ENDPOINT for local runs). */
    static String readSecret(LambdaSettings settings, String secretArn) {
        var builder = SecretsManagerClient.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        settings.uri("DONUT_SECRETS_ENDPOINT").ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        try (SecretsManagerClient secrets = builder.build()) {
            return secrets.getSecretValue(r -> r.secretId(secretArn)).secretString();
        }
    }
}
