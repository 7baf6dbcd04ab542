package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code DONUT_LOG_FORMAT=json}: the shop logs one JSON object a line (Elastic Common Schema), and a
 * line written while a replenishment is handled names its SKU and replenishment id as fields of
 * their own, so a log store can search by them.
 */
class JsonLogsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    /** Where Spring Boot hands the format to its logback configuration; the first value in a JVM stays. */
    private static final String FORMAT_PROPERTY = "CONSOLE_LOG_STRUCTURED_FORMAT";
    private static PrintStream original;

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    @BeforeAll
    static void startWithJsonLogs() {
        original = System.out;
        // Everything the console appender writes, kept as well as shown.
        System.setOut(new PrintStream(new Tee(original, CONSOLE), true, StandardCharsets.UTF_8));
        // Logging is set up from the environment before the all-in-one adds its settings, so these two
        // are system properties while the shop starts (as an operator's environment variables would be).
        // Spring Boot sets its logging system properties only where no shop of this JVM set them before.
        System.clearProperty(FORMAT_PROPERTY);
        System.setProperty("DONUT_LOG_FORMAT", "json");
        System.setProperty("logging.level.io.donutstates.messaging", "INFO");
        try {
            shop.start();
        } finally {
            System.clearProperty("DONUT_LOG_FORMAT");
            System.clearProperty("logging.level.io.donutstates.messaging");
        }
    }

    @AfterAll
    static void restoreConsole() {
        System.setOut(original);
        // The next shop of this JVM sets the format from its own settings (plain text).
        System.clearProperty(FORMAT_PROPERTY);
    }

    @Test
    void a_replenishment_is_logged_as_json_with_its_sku_and_id() {
        shop.setStock(TestShop.SKU, 1);
        var refused = shop.buy(TestShop.SKU, 2);
        assertThat(refused.status()).isEqualTo(409);
        String replenishment = refused.json().get("replenishment").get("id").asString();

        JsonNode line = await("a JSON log line of replenishment " + replenishment).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> lineWith(replenishment), Optional::isPresent).orElseThrow();

        assertThat(line.path("@timestamp").asString("")).as("ECS timestamp in %s", line).isNotBlank();
        assertThat(line.path("log").path("level").asString(line.path("log.level").asString(""))).as("level in %s", line)
                .isNotBlank();
        assertThat(line.path("message").asString("")).as("message in %s", line).contains(replenishment);
        assertThat(line.path("sku").asString("")).as("sku field in %s", line).isEqualTo(TestShop.SKU);
        assertThat(line.path("replenishment").asString("")).as("replenishment field in %s", line).isEqualTo(replenishment);
        assertThat(line.path("trace_id").asString("")).as("trace_id field in %s", line).matches("[0-9a-f]{32}");
        assertThat(line.path("span_id").asString("")).as("span_id field in %s", line).matches("[0-9a-f]{16}");
    }

    @Test
    void every_line_the_shop_logged_is_a_json_object() {
        String[] lines = text().split("\n");
        long json = Arrays.stream(lines).filter(l -> l.startsWith("{\"@timestamp\"")).count();
        assertThat(json).as("JSON log lines of the start:\n%s", text()).isPositive();
        for (String l : lines) {
            if (l.startsWith("{\"@timestamp\"")) {
                assertThat(JSON.readTree(l).isObject()).as(l).isTrue();
            }
        }
    }

    /** The first JSON log line whose replenishment field is this id. */
    private static Optional<JsonNode> lineWith(String replenishment) {
        for (String l : text().split("\n")) {
            if (l.startsWith("{") && l.contains(replenishment)) {
                JsonNode node = JSON.readTree(l);
                if (replenishment.equals(node.path("replenishment").asString(null)) && node.has("sku")) {
                    return Optional.of(node);
                }
            }
        }
        return Optional.empty();
    }

    private static String text() {
        synchronized (CONSOLE) {
            return CONSOLE.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream shown;
        private final ByteArrayOutputStream kept;

        Tee(OutputStream shown, ByteArrayOutputStream kept) {
            this.shown = shown;
            this.kept = kept;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            shown.write(b);
            synchronized (kept) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            shown.write(b, off, len);
            synchronized (kept) {
                kept.write(b, off, len);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            shown.flush();
        }
    }
}
