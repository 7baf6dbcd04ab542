package io.donutstates.factory.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and formats the simulator's durations: {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}, ISO-8601 or plain milliseconds. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** Parses {@code text}; {@code what} names the setting in the error message. */
    public static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p") || value.startsWith("-p")) {
                return nonNegative(Duration.parse(value.toUpperCase(Locale.ROOT)), what, text);
            }
        } catch (DateTimeParseException e) {
            throw invalid(what, text);
        }
        Matcher matcher = SIMPLE.matcher(value);
        if (!matcher.matches()) {
            throw invalid(what, text);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    /** Formats in the largest unit that keeps the value whole, e.g. {@code 3s}, {@code 1500ms}, {@code 2m}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis != 0 && millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    private static Duration nonNegative(Duration duration, String what, String text) {
        if (duration.isNegative()) {
            throw invalid(what, text);
        }
        return duration;
    }

    private static IllegalArgumentException invalid(String what, String text) {
        return new IllegalArgumentException(what + " must be a non-negative duration like 500ms, 3s, 2m, PT3S"
                + " or a number of milliseconds, got '" + text + "'");
    }
}
