package io.donutstates.allinone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' {@code promtool} (Debian package {@code prometheus}), run on the shop's metrics and
 * the shipped rules. Without it a test is skipped with a message saying so, unless
 * {@code DONUT_REQUIRE_PROMTOOL=true} (CI, whose {@code .ci/run} installs it), where it fails.
 */
final class Promtool {

    /** promtool's exit code and what it printed. */
    record Run(int exitCode, String output) { }

    private Promtool() {
    }

    /** Runs promtool with nothing on its standard input. */
    static Run run(Path workingDirectory, String... arguments) {
        return withInput(workingDirectory, "", arguments);
    }

    /** Runs promtool with {@code input} on its standard input ({@code check metrics} reads the metrics there). */
    static Run withInput(Path workingDirectory, String input, String... arguments) {
        requirePromtool();
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool " + String.join(" ", arguments) + " took over 2 minutes");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("promtool could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void requirePromtool() {
        boolean found = System.getenv().getOrDefault("PATH", "").isEmpty() ? false
                : java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                        .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, "promtool")));
        if (found) {
            return;
        }
        String message = "promtool (Debian package prometheus) is not on the PATH";
        if ("true".equals(System.getenv("DONUT_REQUIRE_PROMTOOL"))) {
            throw new IllegalStateException(message + " (DONUT_REQUIRE_PROMTOOL=true)");
        }
        Assumptions.abort(message + "; skipped");
    }
}
