package io.donutstates.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsParserTest {

    @Test
    void defaults() throws UsageException {
        Options o = OptionsParser.parse();

        assertThat(o.endpoints()).extracting(Endpoint::toString).containsExactly("http://127.0.0.1:8080");
        assertThat(o.scenario()).isEqualTo(Scenario.FLASH_CROWD);
        assertThat(o.sku()).isEqualTo("CP-502101");
        assertThat(o.factoryId()).isEqualTo("FF-500293");
        assertThat(o.concurrency()).isEqualTo(200);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.requests()).isZero();
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.quantityMin()).isEqualTo(1);
        assertThat(o.quantityMax()).isEqualTo(1);
        assertThat(o.client()).isEqualTo(ClientKind.SOCKET);
        assertThat(o.setStock()).isNull();
        assertThat(o.quiet()).isFalse();
    }

    @Test
    void everyOption() throws UsageException {
        Options o = OptionsParser.parse("--url", "http://127.0.0.1:8080,http://127.0.0.1:8081/", "--url=http://localhost:9000/shop",
                "--scenario", "catalog", "--sku", "X-1", "--factory-id", "FF-1", "--concurrency", "50",
                "--duration", "1.5s", "--requests", "1000", "--warmup", "500ms", "--quantity", "1-3",
                "--set-stock", "100", "--admin-token", "secret", "--json", "out.json", "--label", "sell-out",
                "--quiet", "--client", "jdk", "--threads", "platform", "--timeout", "2s");

        assertThat(o.endpoints()).extracting(Endpoint::toString)
                .containsExactly("http://127.0.0.1:8080", "http://127.0.0.1:8081", "http://localhost:9000/shop");
        assertThat(o.endpoints().get(2).basePath()).isEqualTo("/shop");
        assertThat(o.scenario()).isEqualTo(Scenario.CATALOG);
        assertThat(o.sku()).isEqualTo("X-1");
        assertThat(o.factoryId()).isEqualTo("FF-1");
        assertThat(o.concurrency()).isEqualTo(50);
        assertThat(o.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.requests()).isEqualTo(1000);
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.quantityMin()).isEqualTo(1);
        assertThat(o.quantityMax()).isEqualTo(3);
        assertThat(o.setStock()).isEqualTo(100);
        assertThat(o.adminToken()).isEqualTo("secret");
        assertThat(o.json()).isEqualTo(Path.of("out.json"));
        assertThat(o.label()).isEqualTo("sell-out");
        assertThat(o.quiet()).isTrue();
        assertThat(o.client()).isEqualTo(ClientKind.JDK);
        assertThat(o.threads()).isEqualTo(ThreadMode.PLATFORM);
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.bound()).isEqualTo("1000 requests or 1500ms, whichever first");
    }

    @Test
    void requestsAloneBoundTheRun() throws UsageException {
        Options o = OptionsParser.parse("--requests", "10", "--scenario", "legacy-send", "--duration", "2m", "--duration", "30s");
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));

        Options countOnly = OptionsParser.parse("--requests", "10");
        assertThat(countOnly.duration()).isNull();
        assertThat(countOnly.bound()).isEqualTo("10 requests");
    }

    @Test
    void aSkuIsTakenInTheShopsCanonicalSpelling() throws UsageException {
        assertThat(OptionsParser.parse("--sku", " cp-502101 ").sku()).isEqualTo("CP-502101");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--bogus", "--concurrency", "--concurrency=0", "--concurrency=abc", "--duration=soon", "--duration=0s",
        "--scenario=rush-hour", "--url=ftp://host", "--url=https://127.0.0.1:8443", "--quantity=3-1", "--quantity=0",
        "--quantity=1-500", "--set-stock=100", "--requests=-5", "--client=curl", "--quiet=yes", "stray"
    })
    void invalidOptionsAreRejected(String arg) {
        assertThatThrownBy(() -> OptionsParser.parse(arg.split(" "))).isInstanceOf(UsageException.class);
    }

    @Test
    void badOptionsPrintUsageAndExitWithTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = LoadGeneratorMain.run(new String[] {"--concurrency", "many"}, print(out), print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: --concurrency 'many' is not a whole number")
                .contains("usage: java -jar donut-loadgen.jar");
        assertThat(out.size()).isZero();
    }

    @Test
    void helpPrintsUsageAndExitsWithZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = LoadGeneratorMain.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--scenario NAME", "exit codes");
    }

    static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}
