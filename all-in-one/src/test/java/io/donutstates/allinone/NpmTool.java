package io.donutstates.allinone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool from npm (pinned version), installed once into {@code target/} and run with
 * node. Without node or npm the test is skipped with a message saying so, unless
 * {@code DONUT_REQUIRE_NODE=true} (CI), where it fails instead.
 */
final class NpmTool {

    /** The tool's exit code and what it printed. */
    record Run(int exitCode, String output) { }

    private final String pkg;
    private final String version;
    private final String bin;
    private final Path home;

    NpmTool(String pkg, String version, String bin) {
        this.pkg = pkg;
        this.version = version;
        this.bin = bin;
        this.home = Path.of("target", "npm-" + pkg.replaceAll("[^a-zA-Z0-9.-]", "_") + "-" + version).toAbsolutePath();
    }

    Run run(Path workingDirectory, String... arguments) {
        Path executable = installed();
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile(home, bin + "-", ".log");
            var builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            builder.environment().put("NO_COLOR", "1");
            var process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(bin + " took over 3 minutes; see " + log);
            }
            return new Run(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException(bin + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized Path installed() {
        Path executable = home.resolve("node_modules/.bin/" + bin);
        if (Files.isExecutable(executable)) {
            return executable;
        }
        requireTool("node");
        requireTool("npm");
        String spec = pkg + "@" + version;
        try {
            Files.createDirectories(home);
            Path log = home.resolve("npm-install.log");
            var npm = new ProcessBuilder("npm", "install", "--prefix", home.toString(), "--no-audit", "--no-fund",
                    "--no-save", spec)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm install " + spec + " took over 5 minutes; see " + log);
            }
            if (npm.exitValue() != 0 || !Files.isExecutable(executable)) {
                throw new IllegalStateException("npm install " + spec + " failed (exit " + npm.exitValue() + "): "
                        + Files.readString(log));
            }
            return executable;
        } catch (IOException e) {
            throw new IllegalStateException("npm install " + spec + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing " + spec, e);
        }
    }

    private void requireTool(String tool) {
        boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
        if (found) {
            return;
        }
        String message = pkg + " " + version + " needs node and npm: " + tool + " is not on the PATH";
        if ("true".equals(System.getenv("DONUT_REQUIRE_NODE"))) {
            throw new IllegalStateException(message + " (DONUT_REQUIRE_NODE=true)");
        }
        Assumptions.abort(message + "; skipped");
    }
}
