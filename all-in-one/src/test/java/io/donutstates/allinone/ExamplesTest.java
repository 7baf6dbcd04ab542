package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examples stay sound without a shop: every request of the Postman collection checks its status
 * and the shape of its answer and takes its ids from variables earlier answers set (never an empty
 * path segment such as {@code /api/admin/dlq//redrive}); the k6 script parses as JavaScript (node).
 * {@code scripts/postman.sh} runs the collection against a real shop.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Test
    void every_postman_request_checks_its_status_and_its_answer() throws IOException {
        JsonNode collection = JsonMapper.builder().build()
                .readTree(Files.readString(EXAMPLES.resolve("donut-states.postman_collection.json")));
        List<JsonNode> requests = new ArrayList<>();
        collect(collection.get("item"), requests);
        assertThat(requests).hasSizeGreaterThan(40);
        List<String> setByScripts = new ArrayList<>();
        for (JsonNode item : requests) {
            String name = item.get("name").asString();
            String tests = script(item, "test");
            assertThat(tests).as("tests of " + name).contains("pm.response.to.have.status(");
            assertThat(tests.contains("pm.response.to.have.jsonSchema(") || tests.contains("pm.response.text()"))
                    .as("the answer's shape is checked by " + name).isTrue();
            JsonNode url = item.get("request").get("url");
            String raw = url.isObject() ? url.get("raw").asString() : url.asString();
            assertThat(raw.replaceFirst("^[a-z]+://", "")).as("URL of " + name).doesNotContain("//");
            var used = java.util.regex.Pattern.compile("\\{\\{([A-Za-z]+)}}").matcher(raw);
            while (used.find()) {
                String variable = used.group(1);
                boolean preset = !collectionValue(collection, variable).isEmpty();
                assertThat(preset || setByScripts.contains(variable))
                        .as(name + " uses {{" + variable + "}}, which no earlier answer set").isTrue();
            }
            var set = java.util.regex.Pattern.compile("collectionVariables\\.set\\('([A-Za-z]+)'")
                    .matcher(tests + script(item, "prerequest"));
            while (set.find()) {
                setByScripts.add(set.group(1));
            }
        }
    }

    @Test
    void the_k6_script_parses() throws IOException, InterruptedException {
        boolean node = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "node")));
        if (!node) {
            if ("true".equals(System.getenv("DONUT_REQUIRE_NODE"))) {
                throw new IllegalStateException("node is not on the PATH (DONUT_REQUIRE_NODE=true)");
            }
            Assumptions.abort("node is not on the PATH; skipped");
        }
        // k6 scripts are ES modules: checked as one (imports are not resolved by --check).
        Path copy = Path.of("target", "k6-flash-crowd.mjs").toAbsolutePath();
        Files.createDirectories(copy.getParent());
        Files.copy(EXAMPLES.resolve("k6-flash-crowd.js"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var check = new ProcessBuilder("node", "--check", copy.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("node --check examples/k6-flash-crowd.js: " + output).isZero();
    }

    private static void collect(JsonNode items, List<JsonNode> into) {
        for (JsonNode item : items) {
            if (item.has("item")) {
                collect(item.get("item"), into);
            } else {
                into.add(item);
            }
        }
    }

    private static String script(JsonNode item, String listen) {
        StringBuilder text = new StringBuilder();
        for (JsonNode event : item.path("event")) {
            if (event.get("listen").asString().equals(listen)) {
                event.get("script").get("exec").forEach(line -> text.append(line.asString()).append('\n'));
            }
        }
        return text.toString();
    }

    private static String collectionValue(JsonNode collection, String key) {
        if (key.equals("baseUrl") || key.startsWith("$")) {
            return "preset";
        }
        for (JsonNode variable : collection.get("variable")) {
            if (variable.get("key").asString().equals(key)) {
                return variable.get("value").asString();
            }
        }
        return "";
    }
}
