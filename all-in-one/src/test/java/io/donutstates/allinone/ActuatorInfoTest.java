package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /actuator/info} names the build a running shop came from: its version (the poms') and
 * the git commit it was built from, for anyone, with nothing from the environment. The probes say
 * what they include: readiness the parts the shop needs to serve, liveness the process alone.
 */
class ActuatorInfoTest {

    private static final String TOKEN = "Bearer test-admin-token";

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    @Test
    void info_answers_the_build_version_and_the_git_commit() throws Exception {
        var answer = shop.get("/actuator/info");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode info = JsonMapper.builder().build().readTree(answer.body());

        JsonNode build = info.path("build");
        assertThat(build.path("version").asString()).isEqualTo(expectedVersion());
        assertThat(build.path("artifact").asString()).isEqualTo("service");
        assertThat(build.path("group").asString()).isEqualTo("io.donutstates");
        assertThat(build.path("name").asString()).isEqualTo("Donut-States");
        assertThat(build.path("time").asString()).isNotBlank();

        JsonNode git = info.path("git");
        assertThat(git.path("commit").path("id").asString()).as("abbreviated commit id in %s", info)
                .matches("[0-9a-f]{7,40}");
        assertThat(git.path("commit").path("time").asString()).isNotBlank();
        assertThat(git.path("branch").asString()).isNotBlank();

        // Nothing else: no environment, no settings, no author names.
        assertThat(answer.body()).doesNotContain("DONUT_", "password", "@");
    }

    @Test
    void readiness_includes_the_parts_the_shop_needs_and_liveness_the_process_alone() {
        JsonNode readiness = shop.get("/actuator/health/readiness", "Authorization", TOKEN).json();
        assertThat(readiness.get("components").propertyNames()).as("readiness components in %s", readiness)
                .containsExactlyInAnyOrder("readinessState", "db", "queues", "outbox", "factory");

        JsonNode liveness = shop.get("/actuator/health/liveness", "Authorization", TOKEN).json();
        assertThat(liveness.get("components").propertyNames()).as("liveness components in %s", liveness)
                .containsExactly("livenessState");
        assertThat(shop.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    /** The project's version, as the root pom names it (tests run in all-in-one/). */
    private static String expectedVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher version = Pattern.compile("<artifactId>donut-states</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).as("the root pom's version").isTrue();
        return version.group(1);
    }
}
