package io.donutstates.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants are stored as UTC DATETIME(3), so no driver or server time zone can shift them. */
public final class SqlTime {

    private SqlTime() {
    }

    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    public static Instant read(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return instant(rs.getObject(column, LocalDateTime.class));
    }

    public static Instant read(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        return instant(rs.getObject(column, LocalDateTime.class));
    }
}
