package io.donutstates.shared;

import java.time.Duration;

/** Durations as people read them in logs and alerts: {@code 850ms}, {@code 42s}, {@code 2m 10s}, {@code 1h 5m}. */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return millis + "ms";
        }
        long seconds = millis / 1_000;
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m " + seconds % 60 + "s";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes / 60 + "h " + minutes % 60 + "m";
    }
}
