package io.donutstates.allinone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Directories and files only their owner may read, write or enter (where the OS has POSIX permissions). */
final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates the directory if missing and makes it {@code rwx------}. */
    static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            set(dir, "rwx------");
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes an existing file {@code rw-------}. */
    static Path file(Path file) {
        try {
            set(file, "rw-------");
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot restrict " + file + ": " + e.getMessage(), e);
        }
    }

    private static void set(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
