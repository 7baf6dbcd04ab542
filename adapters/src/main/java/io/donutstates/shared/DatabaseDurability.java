package io.donutstates.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a commit the database acknowledged survives an OS crash or power loss. A sale is answered
 * once its transaction commits, so a server that flushes its redo log (or binary log) only about
 * once a second can forget sales the buyers were already told about. Read once when a runtime
 * starts; a deployment may choose relaxed durability on purpose ({@code DONUT_DB_DURABILITY=relaxed}),
 * which turns the warning into a note.
 *
 * @param settings        what the server said, or null when it could not be asked
 * @param relaxedByChoice the deployment opted in to relaxed durability
 * @param unreadable      why the settings could not be read, or null
 */
public record DatabaseDurability(Settings settings, boolean relaxedByChoice, String unreadable) {

    /** The environment variable (and {@code donut.db.durability} property) that opts in to relaxed durability. */
    public static final String SETTING = "DONUT_DB_DURABILITY";

    private static final Logger log = LoggerFactory.getLogger(DatabaseDurability.class);
    private static final String RISK = "acknowledged sales can be lost on an OS crash or power loss";

    /** The server variables that decide durability, as the server reported them. */
    public record Settings(long innodbFlushLogAtTrxCommit, boolean logBin, long syncBinlog) { }

    /**
     * Reads {@code DONUT_DB_DURABILITY}: {@code full} (also when unset) or {@code relaxed}.
     *
     * @param name how the setting is called where it was read, for the error message
     * @return true for {@code relaxed}
     * @throws IllegalArgumentException naming the setting and the allowed values
     */
    public static boolean relaxedByChoice(String name, String value) {
        String chosen = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "", "full" -> false;
            case "relaxed" -> true;
            default -> throw new IllegalArgumentException(
                    name + " must be 'full' or 'relaxed' (got '" + value + "')");
        };
    }

    /** The verdict over settings already read. */
    public static DatabaseDurability of(Settings settings, boolean relaxedByChoice) {
        return new DatabaseDurability(settings, relaxedByChoice, null);
    }

    /**
     * Asks the server once. A server that does not know these variables (not MySQL or MariaDB)
     * gives an unknown verdict rather than a failed start: durability is worth a warning, not an outage.
     */
    public static DatabaseDurability read(DataSource dataSource, boolean relaxedByChoice) {
        try {
            // Text, not numbers: MySQL answers @@log_bin with 0/1, some proxies with OFF/ON.
            Settings settings = JdbcClient.create(dataSource)
                    .sql("SELECT CAST(@@innodb_flush_log_at_trx_commit AS CHAR), CAST(@@log_bin AS CHAR),"
                            + " CAST(@@sync_binlog AS CHAR)")
                    .query((row, n) -> new Settings(Long.parseLong(row.getString(1).strip()),
                            onOff(row.getString(2)), Long.parseLong(row.getString(3).strip())))
                    .single();
            return of(settings, relaxedByChoice);
        } catch (RuntimeException e) {
            return new DatabaseDurability(null, relaxedByChoice, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean onOff(String value) {
        String text = value.strip();
        return text.equals("1") || text.equalsIgnoreCase("ON");
    }

    /** True or false, empty when the settings could not be read. */
    public Optional<Boolean> durable() {
        return settings == null ? Optional.empty() : Optional.of(problems().isEmpty());
    }

    /** What is wrong and what it risks; empty when the database is durable. */
    public Optional<String> warning() {
        if (settings == null) {
            return Optional.of("could not read the database's durability settings (" + unreadable
                    + "); if innodb_flush_log_at_trx_commit is not 1, " + RISK);
        }
        List<String> problems = problems();
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", problems) + ": " + RISK);
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (settings.innodbFlushLogAtTrxCommit() != 1) {
            problems.add("innodb_flush_log_at_trx_commit is " + settings.innodbFlushLogAtTrxCommit() + ", should be 1");
        }
        if (settings.logBin() && settings.syncBinlog() != 1) {
            problems.add("sync_binlog is " + settings.syncBinlog() + " with binary logging on, should be 1");
        }
        return problems;
    }

    /** For a health report: the verdict, what it rests on, and the warning if any. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("durable", durable().<Object>map(d -> d).orElse("unknown"));
        if (settings != null) {
            details.put("innodb_flush_log_at_trx_commit", settings.innodbFlushLogAtTrxCommit());
            details.put("log_bin", settings.logBin());
            details.put("sync_binlog", settings.syncBinlog());
        }
        details.put("relaxedByChoice", relaxedByChoice);
        warning().ifPresent(warning -> details.put("warning", warning));
        return details;
    }

    /** One line at start-up: WARN when not durable (or unknown), INFO when durable or relaxed on purpose. */
    public void log() {
        Optional<String> warning = warning();
        if (settings == null) {
            log.warn("database durability is unknown: {}", warning.orElseThrow());
        } else if (warning.isEmpty()) {
            log.info("database commits are durable (innodb_flush_log_at_trx_commit=1{})",
                    settings.logBin() ? ", sync_binlog=1" : ", no binary log");
        } else if (relaxedByChoice) {
            log.info("database runs with relaxed durability by choice ({}=relaxed): {}", SETTING, warning.get());
        } else {
            log.warn("database is not durable: {} (set {}=relaxed if that is a choice)", warning.get(), SETTING);
        }
    }
}
