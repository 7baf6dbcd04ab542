package io.donutstates.allinone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * fauxqs, an SNS and SQS API server on one port (npm package, pinned), installed once into
 * {@code target/} and run with node. Without node or npm the test is skipped with a message saying
 * so, unless {@code DONUT_REQUIRE_NODE=true} (CI), where it fails instead.
 */
final class Fauxqs implements AutoCloseable {

    static final String VERSION = "1.9.2";
    static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";
    private static final Path HOME = Path.of("target", "fauxqs-" + VERSION).toAbsolutePath();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private Fauxqs(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server whose state is created from {@code initJson} (fauxqs' init config: queues,
     * topics, subscriptions) before it answers its health check.
     */
    static Fauxqs start(String initJson) {
        Path cli = installed();
        try {
            int port = ChildProcesses.freePorts(1).get(0);
            Path init = Files.createTempFile(HOME, "init-", ".json");
            Files.writeString(init, initJson);
            var builder = new ProcessBuilder("node", cli.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(HOME.resolve("server-" + port + ".log").toFile());
            builder.environment().put("FAUXQS_PORT", String.valueOf(port));
            builder.environment().put("FAUXQS_HOST", "127.0.0.1");
            builder.environment().put("FAUXQS_LOGGER", "false");
            builder.environment().put("FAUXQS_INIT", init.toString());
            var server = new Fauxqs(builder.start(), port);
            try {
                await("fauxqs answers on port " + port).atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            if (!server.process.isAlive()) {
                                throw new IllegalStateException("fauxqs stopped: "
                                        + Files.readString(HOME.resolve("server-" + port + ".log")));
                            }
                            return server.healthy();
                        });
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("fauxqs did not start: " + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    static String topicArn(String name) {
        return "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    private boolean healthy() {
        try {
            var answer = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's entry point, installed with npm into target/ the first time (pinned version). */
    private static synchronized Path installed() {
        Path cli = HOME.resolve("node_modules/fauxqs/dist/cli.js");
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        requireTool("node");
        requireTool("npm");
        try {
            Files.createDirectories(HOME);
            Path log = HOME.resolve("npm-install.log");
            var npm = new ProcessBuilder("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
                    "--no-save", "fauxqs@" + VERSION)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm install fauxqs@" + VERSION + " took over 5 minutes; see " + log);
            }
            if (npm.exitValue() != 0 || !Files.isRegularFile(cli)) {
                throw new IllegalStateException("npm install fauxqs@" + VERSION + " failed (exit " + npm.exitValue()
                        + "): " + Files.readString(log));
            }
            return cli;
        } catch (IOException e) {
            throw new IllegalStateException("npm install fauxqs@" + VERSION + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing fauxqs", e);
        }
    }

    private static int nodeMajor(String version) {
        var digits = java.util.regex.Pattern.compile("v?(\\d+)").matcher(version);
        return digits.lookingAt() ? Integer.parseInt(digits.group(1)) : 0;
    }

    private static void requireTool(String tool) {
        String problem;
        try {
            var version = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            String said = new String(version.getInputStream().readAllBytes()).strip();
            problem = version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0
                    ? null : tool + " --version failed: " + said;
            if (problem == null && tool.equals("node") && nodeMajor(said) < 20) {
                problem = "node " + said + " is older than 20";
            }
        } catch (IOException e) {
            problem = tool + " is not installed (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        if (problem == null) {
            return;
        }
        String message = "the SNS test needs node 20+ and npm to run fauxqs " + VERSION + ": " + problem;
        if ("true".equals(System.getenv("DONUT_REQUIRE_NODE"))) {
            throw new IllegalStateException(message + " (DONUT_REQUIRE_NODE=true)");
        }
        Assumptions.abort(message + "; skipped");
    }
}
