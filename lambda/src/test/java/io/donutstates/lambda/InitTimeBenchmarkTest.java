package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Not a pass/fail benchmark: starts {@link InitTimeMain} in fresh JVMs (as a cold Lambda container
 * starts) against the real MariaDB and ElasticMQ, and reports the handlers' initialisation and first
 * requests in {@code target/init-time.md} and the test output. Only asserts that the runs worked.
 */
class InitTimeBenchmarkTest {

    @Test
    void measureColdStartAndFirstRequests() throws Exception {
        try (var shop = ShopUnderTest.start()) {
            Map<String, String> env = new LinkedHashMap<>(shop.env);
            List<String> report = new ArrayList<>();
            report.add("# Lambda handler initialisation, measured on this machine ("
                    + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.version") + ")");
            report.add("");
            report.add("JVM flags as in the template: -XX:+TieredCompilation -XX:TieredStopAtLevel=1. Milliseconds.");
            report.add("");
            int repeat = Integer.getInteger("initTime.runs", 1);
            report.add("Median of " + repeat + " fresh JVM(s) per column (-DinitTime.runs=N for more).");
            report.add("");
            Map<String, Map<String, Long>> runs = new LinkedHashMap<>();
            runs.put("cold", median(env, "cold", repeat));
            runs.put("SnapStart-like (primed)", median(env, "snapstart", repeat));
            report.add("| step | " + String.join(" | ", runs.keySet()) + " |");
            report.add("|---|" + "---|".repeat(runs.size()));
            var steps = new java.util.LinkedHashSet<String>();
            runs.values().forEach(times -> steps.addAll(times.keySet()));
            for (String step : steps) {
                StringBuilder line = new StringBuilder("| " + step + " |");
                for (var times : runs.values()) {
                    Long millis = times.get(step);
                    line.append(' ').append(millis == null ? "-" : millis).append(" |");
                }
                report.add(line.toString());
            }
            Files.write(Path.of("target", "init-time.md"), report, StandardCharsets.UTF_8);
            report.forEach(System.out::println);
            assertThat(runs.get("cold")).containsKeys("init-total", "first POST /api/sales");
        }
    }

    private static Map<String, Long> median(Map<String, String> env, String mode, int repeat)
            throws IOException, InterruptedException {
        List<Map<String, Long>> all = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            all.add(run(env, mode));
        }
        Map<String, Long> median = new LinkedHashMap<>();
        for (String step : all.get(0).keySet()) {
            List<Long> values = all.stream().map(times -> times.get(step)).sorted().toList();
            median.put(step, values.get(values.size() / 2));
        }
        return median;
    }

    private static Map<String, Long> run(Map<String, String> env, String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), InitTimeMain.class.getName()));
        if (mode.equals("snapstart")) {
            command.add("snapstart");
        }
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectError(Path.of("target", "init-time-" + mode + ".log").toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("child JVM; see target/init-time-" + mode + ".log").isZero();
        Map<String, Long> times = new LinkedHashMap<>();
        times.put("(whole child JVM, wall)", (System.nanoTime() - started) / 1_000_000);
        out.lines().filter(line -> line.startsWith("INIT ")).forEach(line -> {
            int eq = line.lastIndexOf('=');
            times.put(line.substring(5, eq), Long.parseLong(line.substring(eq + 1)));
        });
        return times;
    }
}
