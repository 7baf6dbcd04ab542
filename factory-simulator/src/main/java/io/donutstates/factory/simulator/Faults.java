package io.donutstates.factory.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The simulator's run-time behaviour; immutable so that a request always sees one consistent set.
 *
 * @param failureRate         fraction (0..1) of production requests answered 503
 * @param delay               production delay before the completion callback
 * @param duplicateCallbacks  send every callback twice
 * @param dropCallbacks       accept orders but never call back
 * @param callbackContentType {@code application/json} or {@code text/plain}
 */
public record Faults(double failureRate, Duration delay, boolean duplicateCallbacks, boolean dropCallbacks,
                     String callbackContentType) {

    /** The legacy default content type of callbacks. */
    public static final String APPLICATION_JSON = "application/json";
    /** The content type some legacy deployments use for callbacks. */
    public static final String TEXT_PLAIN = "text/plain";
    /** Longest accepted delay; anything longer is surely a typo. */
    public static final Duration MAX_DELAY = Duration.ofHours(24);
    /** No faults and the legacy factory's usual three-second production time. */
    public static final Faults DEFAULT = new Faults(0.0, Duration.ofSeconds(3), false, false, APPLICATION_JSON);

    /** Validates and normalises; throws IllegalArgumentException naming the bad field. */
    public Faults {
        if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
            throw new IllegalArgumentException("failureRate must be between 0 and 1, got " + failureRate);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be between 0 and " + Durations.format(MAX_DELAY)
                    + ", got " + Durations.format(delay));
        }
        callbackContentType = normaliseContentType(callbackContentType);
    }

    public Faults withFailureRate(double rate) {
        return new Faults(rate, delay, duplicateCallbacks, dropCallbacks, callbackContentType);
    }

    public Faults withDelay(Duration newDelay) {
        return new Faults(failureRate, newDelay, duplicateCallbacks, dropCallbacks, callbackContentType);
    }

    public Faults withDuplicateCallbacks(boolean duplicate) {
        return new Faults(failureRate, delay, duplicate, dropCallbacks, callbackContentType);
    }

    public Faults withDropCallbacks(boolean drop) {
        return new Faults(failureRate, delay, duplicateCallbacks, drop, callbackContentType);
    }

    public Faults withCallbackContentType(String contentType) {
        return new Faults(failureRate, delay, duplicateCallbacks, dropCallbacks, contentType);
    }

    @Override
    public String toString() {
        return "failureRate=" + failureRate + ", delay=" + Durations.format(delay)
                + ", duplicateCallbacks=" + duplicateCallbacks + ", dropCallbacks=" + dropCallbacks
                + ", callbackContentType=" + callbackContentType;
    }

    private static String normaliseContentType(String contentType) {
        String value = contentType == null ? "" : contentType.trim().toLowerCase(Locale.ROOT);
        if (!value.equals(APPLICATION_JSON) && !value.equals(TEXT_PLAIN)) {
            throw new IllegalArgumentException("callbackContentType must be " + APPLICATION_JSON + " or "
                    + TEXT_PLAIN + ", got '" + contentType + "'");
        }
        return value;
    }
}
