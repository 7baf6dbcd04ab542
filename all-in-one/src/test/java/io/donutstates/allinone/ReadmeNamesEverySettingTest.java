package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.service.DonutProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the product or its scripts read has a row in README's configuration
 * section. What counts as read:
 * <ul>
 *   <li>Java, the main sources of every module and {@code scripts/*.java}: a string literal that is a
 *       {@code DONUT_*}, {@code AWS_*} or {@code OTEL_*} name (the code reads its settings by name from
 *       the environment or a map of it), and any name given to {@code getenv(…)} or a script's
 *       {@code env(…)}; the test sources: the names they give {@code getenv(…)} (switches such as
 *       {@code DONUT_REQUIRE_NODE} that {@code .ci/run} sets);</li>
 *   <li>{@code application*.properties}: every upper-case {@code ${NAME…}} placeholder;</li>
 *   <li>shell (the {@code donut-states} launcher, {@code .ci/run}, {@code scripts/*.sh},
 *       {@code scripts/lib/*.sh}): every {@code $DONUT_*} expansion, and every upper-case variable
 *       expanded with a default or an alternative ({@code ${NAME:-…}}, {@code ${NAME-…}},
 *       {@code ${NAME:=…}}, {@code ${NAME:+…}}, {@code ${NAME:?…}}), the scripts' way of taking a
 *       setting from the environment; comment lines are skipped;</li>
 *   <li>the names the service binds through {@link DonutProperties}.</li>
 * </ul>
 * Names the operating system or the shell provide ({@link #PROVIDED}) are not settings. A row counts
 * when its first cell names the variable and its table stands under README's {@code ## Configuration}
 * heading (its subsections included, up to the next {@code ## } heading); tables elsewhere (the API's
 * error words, the metrics, the health components) do not.
 */
class ReadmeNamesEverySettingTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    /** Variables that come from the system, not from whoever runs the shop. */
    static final Set<String> PROVIDED = Set.of("PATH", "HOME", "USER", "PWD", "TMPDIR", "SHELL", "RANDOM",
            "BASH_SOURCE", "HOSTNAME");

    private static final Pattern JAVA_SETTING = Pattern.compile("\"((?:DONUT|AWS|OTEL)_[A-Z0-9_]+)\"");
    private static final Pattern JAVA_GETENV = Pattern.compile(
            "(?:\\bgetenv\\(\\s*|\\bgetenv\\(\\)\\s*\\.\\s*(?:get|getOrDefault|containsKey)\\(\\s*|\\benv\\(\\s*)"
                    + "\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern PROPERTIES_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern SHELL_DONUT = Pattern.compile("\\$\\{?(DONUT_[A-Z0-9_]+)");
    private static final Pattern SHELL_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::?[-=+?])");

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|.*$");
    private static final Pattern NAME_IN_CELL = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]+)`");

    @Test
    void every_setting_the_code_reads_has_a_row_in_the_configuration_tables() {
        Set<String> read = readByTheProduct();
        Set<String> documented = documentedInReadme();

        assertThat(read).as("settings found in the code").hasSizeGreaterThan(100)
                .contains("DONUT_BENCH_DELAY", "DONUT_STARTUP_TIMEOUT", "DONUT_CDS", "AWS_REGION",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "MALLOC_ARENA_MAX", "DONUT_REQUIRE_NODE", "SLOW_CONNECTIONS",
                        "DONUT_LOG_FORMAT");
        assertThat(read).as("settings the code reads but README's configuration tables do not name")
                .allMatch(documented::contains, "named in the first cell of a row of a table under ## Configuration");
    }

    @Test
    void the_bound_names_follow_the_properties_records() {
        assertThat(boundByTheService("DONUT", DonutProperties.class))
                .contains("DONUT_DB_CONNECTION_WAIT", "DONUT_FACTORY_GIVE_UP_AFTER", "DONUT_ADMIN_TOKEN");
    }

    @Test
    void the_rules_find_settings_in_each_syntax() {
        assertThat(inShell("""
                # ${COMMENTED_OUT:-1} is not read
                PORT=${PORT:-18080}
                slow=${SLOW_CONNECTIONS:-3000}
                java=${JAVA_HOME:+$JAVA_HOME/bin/}java
                [ "${DONUT_DETACH:-0}" == 1 ]
                echo "$DONUT_ADMIN_TOKEN" "$OUT" "${local_name:-x}" "${BASH_SOURCE[0]}"
                """)).containsExactlyInAnyOrder("PORT", "SLOW_CONNECTIONS", "JAVA_HOME", "DONUT_DETACH",
                "DONUT_ADMIN_TOKEN");
        assertThat(inJava("""
                optional("DONUT_SQS_REGION").or(() -> optional("AWS_REGION"));
                environment.apply("OTEL_EXPORTER_OTLP_ENDPOINT");
                int n = env("SLOW_SECONDS", 60); String sku = System.getenv().getOrDefault("SKU", "CP-1");
                System.getenv("PATH"); status("OUT_OF_STOCK");
                """, true)).containsExactlyInAnyOrder("DONUT_SQS_REGION", "AWS_REGION", "OTEL_EXPORTER_OTLP_ENDPOINT",
                "SLOW_SECONDS", "SKU", "PATH");
        assertThat(inProperties("a=${donut-log-format.${DONUT_LOG_FORMAT:text}}\nb=${spring.application.name}\n"))
                .containsExactly("DONUT_LOG_FORMAT");
        assertThat(configurationRows("""
                ## API
                | `OUT_OF_STOCK` | 409 |
                ## Configuration
                | variable | default |
                | `DONUT_A`, `DONUT_B` | `1` mentions `DONUT_C` |
                ### Scripts
                | `PORT` | `scripts/x.sh` |
                ## Operations
                | `DONUT_D` | … |
                """)).containsExactlyInAnyOrder("DONUT_A", "DONUT_B", "PORT");
    }

    /** Everything the rules above find, less what the system provides. */
    private static Set<String> readByTheProduct() {
        Set<String> names = new TreeSet<>();
        for (Path file : projectFiles()) {
            String path = PROJECT.relativize(file).toString().replace('\\', '/');
            String name = file.getFileName().toString();
            if (path.endsWith(".java") && (path.contains("/src/main/") || path.startsWith("scripts/"))) {
                names.addAll(inJava(read(file), true));
            } else if (path.endsWith(".java") && path.contains("/src/test/")) {
                names.addAll(inJava(read(file), false));
            } else if (path.contains("/src/main/") && name.startsWith("application") && name.endsWith(".properties")) {
                names.addAll(inProperties(read(file)));
            } else if (path.equals("donut-states") || path.equals(".ci/run")
                    || path.matches("scripts/(lib/)?[^/]+\\.sh")) {
                names.addAll(inShell(read(file)));
            }
        }
        names.addAll(boundByTheService("DONUT", DonutProperties.class));
        names.removeAll(PROVIDED);
        return names;
    }

    private static List<Path> projectFiles() {
        try (Stream<Path> files = Files.walk(PROJECT, 12)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String path = PROJECT.relativize(f).toString().replace('\\', '/');
                        return !path.contains("/target/") && !path.startsWith(".git/") && !path.contains("node_modules")
                                && !path.startsWith("data/");
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param main whether the file is the product's (all three rules) or a test's ({@code getenv} alone) */
    static Set<String> inJava(String source, boolean main) {
        Set<String> names = new TreeSet<>(all(JAVA_GETENV, source));
        if (main) {
            names.addAll(all(JAVA_SETTING, source));
        }
        return names;
    }

    static Set<String> inProperties(String properties) {
        return all(PROPERTIES_PLACEHOLDER, properties);
    }

    static Set<String> inShell(String script) {
        String code = script.lines().filter(line -> !line.stripLeading().startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n");
        Set<String> names = new TreeSet<>(all(SHELL_DONUT, code));
        names.addAll(all(SHELL_WITH_DEFAULT, code));
        return names;
    }

    /** {@code donut.db.connection-wait} is {@code DONUT_DB_CONNECTION_WAIT}: nested records add their name. */
    private static Set<String> boundByTheService(String prefix, Class<?> properties) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : properties.getRecordComponents()) {
            String name = prefix + "_" + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
            if (component.getType().isRecord()) {
                names.addAll(boundByTheService(name, component.getType()));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> documentedInReadme() {
        return configurationRows(read(PROJECT.resolve("README.md")));
    }

    /** The names in the first cell of each table row under {@code ## Configuration}, up to the next {@code ## }. */
    static Set<String> configurationRows(String readme) {
        Matcher heading = Pattern.compile("(?m)^## Configuration\\s*$").matcher(readme);
        assertThat(heading.find()).as("README has a ## Configuration section").isTrue();
        int start = heading.end();
        Matcher next = Pattern.compile("(?m)^## ").matcher(readme);
        int end = next.find(start) ? next.start() : readme.length();
        Set<String> names = new TreeSet<>();
        Matcher rows = TABLE_ROW.matcher(readme.substring(start, end));
        while (rows.find()) {
            String[] cells = rows.group().split("\\|");
            if (cells.length > 1) {
                names.addAll(all(NAME_IN_CELL, cells[1]));
            }
        }
        return names;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher found = pattern.matcher(text);
        while (found.find()) {
            names.add(found.group(1));
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
