package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What can be checked of the container image without a Docker engine or a registry: the service
 * jar's layers (as {@code java -Djarmode=tools} lists and extracts them, which is what the
 * Dockerfile runs), the Dockerfile's own rules (a pinned base, a non-root numeric user, container
 * JVM options, no HEALTHCHECK, the layers copied in their order), and the image's file layout,
 * assembled here as the Dockerfile's COPY lines would, started with the Dockerfile's JVM options and
 * entry point against an external database and queue server until liveness and readiness answer.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ContainerImageIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
    private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");

    private static final ChildProcesses children = new ChildProcesses();
    private static EmbeddedSqs queues;
    private static List<String> dockerfile;
    private static Path serviceJar;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void read() throws IOException {
        dockerfile = instructions(Files.readString(DOCKERFILE));
        // The Dockerfile copies service-*-exec.jar; a jar of an earlier version may linger in a developer's target/.
        Matcher version = Pattern.compile("<artifactId>donut-states</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).as("the root pom's version").isTrue();
        serviceJar = ROOT.resolve("service").resolve("target").resolve("service-" + version.group(1) + "-exec.jar");
        assertThat(serviceJar).as("the service's executable jar (built by `package`)").isRegularFile();
    }

    @AfterAll
    static void stop() {
        children.close();
        if (queues != null) {
            queues.close();
        }
    }

    @Test
    void the_service_jar_has_the_layers_the_dockerfile_copies_in_that_order() throws Exception {
        assertThat(tools("list-layers")).containsExactlyElementsOf(LAYERS);

        List<String> copied = new ArrayList<>();
        Matcher layer = Pattern.compile("^COPY --from=\\S+ /build/extracted/([a-z-]+)/ \\./$").matcher("");
        for (String line : dockerfile) {
            if (layer.reset(line).matches()) {
                copied.add(layer.group(1));
            }
        }
        assertThat(copied).as("the Dockerfile's COPY of the extracted layers").containsExactlyElementsOf(LAYERS);
        assertThat(dockerfile).contains("RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted");
    }

    @Test
    void the_dockerfile_pins_its_base_runs_as_a_numeric_non_root_user_and_leaves_health_to_the_orchestrator()
            throws IOException {
        String base = dockerfile.stream().filter(l -> l.startsWith("ARG JAVA_IMAGE=")).findFirst().orElseThrow()
                .substring("ARG JAVA_IMAGE=".length());
        assertThat(base).as("a base image with an exact version, never latest")
                .matches("[a-z0-9./-]+:[0-9][0-9.]*_[0-9]+-jre-[a-z]+(@sha256:[0-9a-f]{64})?")
                .doesNotContain("latest");
        List<String> froms = dockerfile.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).isNotEmpty().allSatisfy(from -> assertThat(from).startsWith("FROM ${JAVA_IMAGE}")
                .doesNotContain(":latest"));

        int lastFrom = lastIndexStartingWith("FROM ");
        int user = lastIndexStartingWith("USER ");
        assertThat(user).as("USER in the final stage").isGreaterThan(lastFrom);
        String who = dockerfile.get(user).substring("USER ".length());
        assertThat(who).as("a numeric user and group, not root").matches("[1-9][0-9]{3,}:[1-9][0-9]{3,}");
        assertThat(dockerfile.subList(user + 1, dockerfile.size()))
                .as("nothing runs as root after USER").noneMatch(l -> l.startsWith("RUN ") || l.startsWith("USER "));

        assertThat(dockerfile).noneMatch(l -> l.startsWith("HEALTHCHECK"))
                .noneMatch(l -> l.startsWith("ADD "))
                .noneMatch(l -> l.matches("(?i)^(ENV|ARG) .*(PASSWORD|TOKEN|SECRET)=.*"));
        assertThat(dockerfile).anyMatch(l -> l.equals("EXPOSE 8080"));
        String options = javaOptions();
        assertThat(options).contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError")
                .doesNotContain("-Xmx");
        String entry = dockerfile.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        assertThat(entry).as("exec form; java replaces the shell and gets SIGTERM itself")
                .startsWith("ENTRYPOINT [\"sh\", \"-c\", \"exec java $JAVA_OPTS -jar application.jar");
        assertThat(Files.readString(ROOT.resolve(".dockerignore"), StandardCharsets.UTF_8))
                .contains("!service/target/service-*-exec.jar");
    }

    @Test
    void the_image_layout_starts_with_the_dockerfiles_options_against_an_external_database_and_queue() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "container-image", "run-" + System.currentTimeMillis()))
                .toAbsolutePath();
        Path build = Files.createDirectories(work.resolve("build"));
        Files.copy(serviceJar, build.resolve("application.jar"), StandardCopyOption.REPLACE_EXISTING);
        run(build, javaCommand("-Djarmode=tools", "-jar", "application.jar", "extract", "--layers",
                "--destination", "extracted"));

        // COPY --from=layers /build/extracted/<layer>/ ./ , one layer after the other
        Path application = Files.createDirectories(work.resolve("application"));
        for (String layer : LAYERS) {
            Path from = build.resolve("extracted").resolve(layer);
            assertThat(from).as("layer directory %s (COPY fails on a missing source)", layer).isDirectory();
            copyTree(from, application);
        }
        assertThat(build.resolve("extracted/application/application.jar")).isRegularFile();
        try (Stream<Path> own = Files.list(build.resolve("extracted/application/lib"))) {
            assertThat(own.map(p -> p.getFileName().toString()))
                    .as("the shop's own modules change with every build: the last layer")
                    .anyMatch(n -> n.startsWith("core-")).anyMatch(n -> n.startsWith("adapters-"));
        }
        try (Stream<Path> libraries = Files.list(build.resolve("extracted/dependencies/lib"))) {
            assertThat(libraries.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("spring-boot-")).noneMatch(n -> n.startsWith("core-"));
        }
        try (var jar = new JarFile(application.resolve("application.jar").toFile())) {
            for (String entry : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                assertThat(application.resolve(entry)).as("Class-Path entry %s", entry).isRegularFile();
            }
        }

        queues = EmbeddedSqs.start();
        int port = ChildProcesses.freePorts(1).get(0);
        String api = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$0\" $JAVA_OPTS -jar application.jar \"$@\"",
                java()));
        var shop = children.start("container", command, application, Map.ofEntries(
                Map.entry("JAVA_OPTS", javaOptions()),
                Map.entry("MALLOC_ARENA_MAX", "2"),
                Map.entry("SERVER_PORT", Integer.toString(port)),
                Map.entry("DONUT_PUBLIC_URL", api),
                Map.entry("DONUT_DB_URL", SharedMariaDb.freshDatabaseUrl()),
                Map.entry("DONUT_DB_USER", SharedMariaDb.USER),
                Map.entry("DONUT_DB_PASSWORD", SharedMariaDb.password()),
                Map.entry("DONUT_SQS_ENDPOINT", "http://127.0.0.1:" + queues.port()),
                Map.entry("DONUT_FACTORY_URL", "http://127.0.0.1:9"),
                Map.entry("DONUT_ADMIN_TOKEN", "container-test-token")));
        try {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                    .failFast("the service exited:\n" + shop.tail(40), () -> !shop.process().isAlive())
                    .until(() -> status(api + "/actuator/health/liveness") == 200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(api + "/actuator/health/readiness") == 200);
            var info = JsonHttp.call(http, "GET", URI.create(api + "/actuator/info"), null);
            assertThat(info.json().path("build").path("version").asString()).isNotBlank();
            assertThat(JsonHttp.call(http, "GET", URI.create(api + "/api/products"), null).status()).isEqualTo(200);
            // the JVM options took effect: the heap is a share of the memory, not a fixed -Xmx
            assertThat(Files.readString(shop.log())).doesNotContain("Unrecognized VM option", "Error: Could not");
        } finally {
            shop.process().destroy();
            assertThat(shop.process().waitFor(40, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    private int status(String url) {
        try {
            return JsonHttp.call(http, "GET", URI.create(url), null).status();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The Dockerfile's JAVA_OPTS, as the entry point hands them to java. */
    private static String javaOptions() {
        Matcher options = Pattern.compile("JAVA_OPTS=\"([^\"]+)\"").matcher(String.join("\n", dockerfile));
        assertThat(options.find()).as("ENV JAVA_OPTS in the Dockerfile").isTrue();
        return options.group(1);
    }

    private int lastIndexStartingWith(String prefix) {
        for (int i = dockerfile.size() - 1; i >= 0; i--) {
            if (dockerfile.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** The Dockerfile as instructions: comments gone, continuation lines joined, whitespace squeezed. */
    static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                instructions.add(current.toString().strip().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static List<String> tools(String... args) throws Exception {
        List<String> command = javaCommand("-Djarmode=tools", "-jar", serviceJar.toString());
        command.addAll(Arrays.asList(args));
        return Arrays.stream(run(serviceJar.getParent(), command).split("\n")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String run(Path dir, List<String> command) throws Exception {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s\n%s", command, output).isZero();
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
