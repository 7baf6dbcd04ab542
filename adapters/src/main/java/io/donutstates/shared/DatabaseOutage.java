package io.donutstates.shared;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a failure to reach the database (no connection within the pool's wait, connection refused
 * or lost) from other failures, so callers can answer "unavailable, try again" rather than "error".
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof CannotGetJdbcConnectionException || cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
