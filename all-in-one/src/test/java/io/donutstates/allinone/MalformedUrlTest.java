package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settings the shop cannot work with refuse the start with one line naming them: a URL that is not
 * http(s) with a host, a queue server or a database that cannot be reached.
 */
class MalformedUrlTest {

    @Test
    void a_queue_endpoint_without_a_scheme_refuses_the_start() {
        assertThatThrownBy(() -> AllInOne.start(environment("DONUT_SQS_ENDPOINT", "localhost:9324")))
                .hasMessage("DONUT_SQS_ENDPOINT is not a URL like http://host:port (got 'localhost:9324'): "
                        + "it must start with http:// or https://");
    }

    @Test
    void an_sns_endpoint_with_a_space_refuses_the_start() {
        assertThatThrownBy(() -> AllInOne.start(environment("DONUT_SNS_ENDPOINT", "http://sns host:4566",
                "DONUT_SNS_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:donut-stock",
                "DONUT_SQS_ENDPOINT", "http://127.0.0.1:9")))
                .hasMessageStartingWith("DONUT_SNS_ENDPOINT is not a URL like http://host:port "
                        + "(got 'http://sns host:4566'): ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_factory_url_without_a_host_refuses_the_start() {
        assertThatThrownBy(() -> AllInOne.start(environment("DONUT_FACTORY_URL", "http:///api")))
                .hasMessage("DONUT_FACTORY_URL is not a URL like http://host:port (got 'http:///api'): it names no host");
    }

    @Test
    void a_public_url_without_a_scheme_refuses_the_start() {
        assertThatThrownBy(() -> AllInOne.start(environment("DONUT_PUBLIC_URL", "shop.example.com:8080")))
                .hasMessage("DONUT_PUBLIC_URL is not a URL like http://host:port (got 'shop.example.com:8080'): "
                        + "it must start with http:// or https://");
    }

    @Test
    void a_queue_server_that_cannot_be_reached_refuses_the_start_in_one_line_naming_the_setting() throws Exception {
        String nobody = "http://127.0.0.1:" + ChildProcesses.freePorts(1).get(0);

        assertThatThrownBy(() -> AllInOne.start(environment("DONUT_SQS_ENDPOINT", nobody)))
                .hasMessageStartingWith("SQS at " + nobody + " (DONUT_SQS_ENDPOINT) cannot give the queues "
                        + "stock_queue and dead_letter_queue: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_database_that_cannot_be_reached_refuses_the_start_in_one_line_naming_the_settings() throws Exception {
        String nowhere = "jdbc:mariadb://127.0.0.1:" + ChildProcesses.freePorts(1).get(0) + "/donut_states";

        assertThatThrownBy(() -> AllInOne.start(environment("DONUT_DB_URL", nowhere)))
                .hasMessageStartingWith("the database at " + nowhere + " cannot be reached as "
                        + SharedMariaDb.USER + " (DONUT_DB_URL, DONUT_DB_USER, DONUT_DB_PASSWORD): ")
                .hasMessageNotContaining("\n");
    }

    private static Map<String, String> environment(String... settings) {
        Map<String, String> named = new java.util.HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            named.put(settings[i], settings[i + 1]);
        }
        return ShopThatShouldNotStart.environment(named);
    }
}
