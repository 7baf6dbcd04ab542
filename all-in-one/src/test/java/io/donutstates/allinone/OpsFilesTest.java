package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics the shop exports and the ops files shipped for them ({@code ops/grafana},
 * {@code ops/prometheus}): every {@code donut_*} metric has HELP text, every series carries
 * {@code application="donut-states"}, {@code promtool check metrics} finds nothing on a real scrape
 * (kept in {@code target/prometheus-sample.txt}), and the dashboard and the alert rules name only
 * metrics the shop really exports. The rules themselves pass {@code promtool check rules} and their
 * unit tests.
 */
class OpsFilesTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DASHBOARD = PROJECT.resolve("ops/grafana/donut-states.json");
    private static final Path RULES = PROJECT.resolve("ops/prometheus/donut-states-rules.yml");
    private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:donut|hikaricp)_[a-z0-9_]+)\\b");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? \\S+");
    private static final Pattern HELP = Pattern.compile("(?m)^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$");

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    private static String scrape;

    /** A sale, a sell-out and a delivery, so the factory's meters exist too; then one scrape. */
    @BeforeAll
    static void sellOutAndRestock() throws IOException {
        shop.setStock(TestShop.SKU, 1);
        assertThat(shop.buy(TestShop.SKU, 1).status()).isEqualTo(201);
        assertThat(shop.buy(TestShop.SKU, 1).status()).isEqualTo(409);
        await("the replenishment is delivered").atMost(Duration.ofSeconds(30)).until(() ->
                "DELIVERED".equals(shop.replenishments(TestShop.SKU).get(0).get("status").asString()));
        await("every meter is registered").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> shop.metrics(), body -> body.contains("donut_factory_circuit_open{")
                        && body.contains("donut_factory_orders_total{") && body.contains("donut_stock{"));
        scrape = shop.metrics();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "prometheus-sample.txt"), scrape);
    }

    @Test
    void every_donut_metric_has_help_text_and_every_series_the_application_tag() {
        Map<String, String> help = new TreeMap<>();
        Matcher helps = HELP.matcher(scrape);
        while (helps.find()) {
            help.put(helps.group(1), helps.group(2).trim());
        }
        assertThat(help.keySet()).as("the shop's own metrics")
                .contains("donut_sales_total", "donut_stock", "donut_queue_depth", "donut_replenishments",
                        "donut_factory_orders_total", "donut_factory_circuit_open", "donut_health",
                        "donut_ledger_violations");
        assertThat(help).as("HELP text of every donut_* metric")
                .allSatisfy((name, text) -> {
                    if (name.startsWith("donut_")) {
                        assertThat(text).as("HELP of " + name).isNotBlank();
                    }
                });
        Matcher samples = SAMPLE.matcher(scrape);
        int count = 0;
        while (samples.find()) {
            count++;
            assertThat(samples.group(2)).as("labels of " + samples.group()).contains("application=\"donut-states\"");
        }
        assertThat(count).isGreaterThan(100);
        assertThat(scrape).as("the three connection pools are measured")
                .contains("hikaricp_connections_active{application=\"donut-states\",pool=\"donut-db\"}")
                .contains("pool=\"donut-reads\"").contains("pool=\"donut-probe\"");
        assertThat(scrape).contains("donut_health{application=\"donut-states\",component=\"db\"} 1.0");
        assertThat(scrape).contains("donut_ledger_violations{application=\"donut-states\"} 0.0");
    }

    @Test
    void promtool_finds_nothing_to_say_about_the_scrape() {
        var checked = Promtool.withInput(Path.of("target").toAbsolutePath(), scrape, "check", "metrics");
        assertThat(checked.output()).as("promtool check metrics on target/prometheus-sample.txt").isBlank();
        assertThat(checked.exitCode()).isZero();
    }

    @Test
    void the_alert_rules_pass_promtool_and_their_unit_tests() {
        var checked = Promtool.run(RULES.getParent(), "check", "rules", RULES.getFileName().toString());
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        var tested = Promtool.run(RULES.getParent(), "test", "rules", "donut-states-rules.test.yml");
        assertThat(tested.exitCode()).as(tested.output()).isZero();
    }

    @Test
    void the_dashboard_and_the_rules_read_only_metrics_the_shop_exports() throws IOException {
        Set<String> exported = new TreeSet<>();
        Matcher samples = SAMPLE.matcher(scrape);
        while (samples.find()) {
            exported.add(samples.group(1));
        }
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Set<String> dashboardNames = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets")).as("queries of panel " + panel.get("title")).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                dashboardNames.addAll(names(target.get("expr").asString()));
            }
        }
        dashboardNames.addAll(names(dashboard.get("templating").toString()));
        assertThat(dashboardNames).as("metrics the dashboard reads").hasSizeGreaterThan(10);
        assertThat(exported).as("exported metrics, against the dashboard's").containsAll(dashboardNames);

        Set<String> ruleNames = names(Files.readString(RULES).lines().filter(l -> l.trim().startsWith("expr:"))
                .reduce("", (a, b) -> a + "\n" + b));
        assertThat(ruleNames).as("metrics the alert rules read").hasSizeGreaterThan(5);
        assertThat(exported).as("exported metrics, against the rules'").containsAll(ruleNames);
    }

    private static Set<String> names(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC_NAME.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
