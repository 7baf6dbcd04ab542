package io.donutstates.allinone;

import java.nio.file.Path;

/** One real MariaDB for the whole test run; each shop under test gets a database of its own. */
final class SharedMariaDb {

    private static EmbeddedMariaDb server;
    private static int databases;

    private SharedMariaDb() {
    }

    /** The shared server's user (it requires credentials). */
    static final String USER = EmbeddedMariaDb.USER;

    /** The shared server's password. */
    static synchronized String password() {
        start();
        return server.password();
    }

    private static void start() {
        if (server == null) {
            server = EmbeddedMariaDb.start(Path.of("target", "test-mariadb", "data-" + ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
    }

    static synchronized String freshDatabaseUrl() {
        start();
        databases++;
        return server.jdbcUrl("donut_test_" + databases);
    }
}
