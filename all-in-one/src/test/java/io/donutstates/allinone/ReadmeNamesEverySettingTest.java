package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.service.DonutProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the code reads is in README's configuration table: each {@code DONUT_*} name the
 * sources, the launcher script or the scripts spell out, and each one the service binds through
 * {@link DonutProperties}.
 */
class ReadmeNamesEverySettingTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SETTING = Pattern.compile("\"(DONUT_[A-Z0-9_]+)\"");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| .*$");
    private static final Pattern NAME_IN_ROW = Pattern.compile("`(DONUT_[A-Z0-9_]+|SERVER_[A-Z0-9_]+)`");

    @Test
    void every_setting_the_code_reads_has_a_row_in_the_configuration_table() throws IOException {
        Set<String> read = new TreeSet<>(namedInSources());
        read.addAll(boundByTheService("DONUT", DonutProperties.class));
        Set<String> documented = documentedInReadme();

        assertThat(read).as("settings found in the code").hasSizeGreaterThan(60);
        assertThat(read).as("settings the code reads but README's configuration table does not name")
                .allMatch(documented::contains, "named in a README table row");
    }

    @Test
    void the_bound_names_follow_the_properties_records() {
        assertThat(boundByTheService("DONUT", DonutProperties.class))
                .contains("DONUT_DB_CONNECTION_WAIT", "DONUT_FACTORY_GIVE_UP_AFTER", "DONUT_ADMIN_TOKEN");
    }

    private static Set<String> namedInSources() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PROJECT, 12)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String path = PROJECT.relativize(f).toString();
                        return (path.contains("/src/main/") && path.endsWith(".java"))
                                || path.equals("donut-states") || path.startsWith("scripts/");
                    })
                    .forEach(f -> {
                        Matcher found = SETTING.matcher(read(f));
                        while (found.find()) {
                            names.add(found.group(1));
                        }
                    });
        }
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
        Set<String> names = new TreeSet<>();
        Matcher rows = TABLE_ROW.matcher(read(PROJECT.resolve("README.md")));
        while (rows.find()) {
            String firstCell = rows.group().split("\\|")[1];
            Matcher name = NAME_IN_ROW.matcher(firstCell);
            while (name.find()) {
                names.add(name.group(1));
            }
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
