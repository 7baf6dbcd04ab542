package io.donutstates.allinone;

import java.nio.file.Path;

/** One real MariaDB for the whole test run; each shop under test gets a database of its own. */
final class SharedMariaDb {

    private static EmbeddedMariaDb server;
    private static int databases;

    private SharedMariaDb() {
    }

    static synchronized String freshDatabaseUrl() {
        if (server == null) {
            server = EmbeddedMariaDb.start(Path.of("target", "test-mariadb", "data-" + ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        databases++;
        return server.jdbcUrl("donut_test_" + databases);
    }
}
