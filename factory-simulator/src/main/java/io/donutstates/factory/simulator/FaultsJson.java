package io.donutstates.factory.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The JSON shape of {@link Faults} for the admin endpoint, and partial updates from it. */
final class FaultsJson {

    private static final Set<String> FIELDS = Set.of("failureRate", "delay", "delayMillis", "duplicateCallbacks",
            "dropCallbacks", "callbackContentType");

    private FaultsJson() {
    }

    static Map<String, Object> toJson(Faults faults) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("failureRate", faults.failureRate());
        json.put("delay", Durations.format(faults.delay()));
        json.put("delayMillis", faults.delay().toMillis());
        json.put("duplicateCallbacks", faults.duplicateCallbacks());
        json.put("dropCallbacks", faults.dropCallbacks());
        json.put("callbackContentType", faults.callbackContentType());
        return json;
    }

    /** Applies the fields present in {@code update}; any invalid or unknown field rejects the whole update. */
    static Faults apply(Faults current, JsonNode update) {
        for (String name : update.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; expected some of " + FIELDS);
            }
        }
        Faults faults = current;
        if (update.has("failureRate")) {
            JsonNode rate = update.get("failureRate");
            if (!rate.isNumber()) {
                throw new IllegalArgumentException("failureRate must be a number between 0 and 1");
            }
            faults = faults.withFailureRate(rate.doubleValue());
        }
        Duration delay = delay(update);
        if (delay != null) {
            faults = faults.withDelay(delay);
        }
        if (update.has("duplicateCallbacks")) {
            faults = faults.withDuplicateCallbacks(bool(update, "duplicateCallbacks"));
        }
        if (update.has("dropCallbacks")) {
            faults = faults.withDropCallbacks(bool(update, "dropCallbacks"));
        }
        if (update.has("callbackContentType")) {
            JsonNode type = update.get("callbackContentType");
            faults = faults.withCallbackContentType(type.isString() ? type.stringValue() : type.toString());
        }
        return faults;
    }

    /** Both forms may be present (a GET answer sent back edited); then they have to agree. */
    private static Duration delay(JsonNode update) {
        Duration fromText = null;
        if (update.has("delay")) {
            JsonNode node = update.get("delay");
            if (!node.isString()) {
                throw new IllegalArgumentException("delay must be a string like \"2s\" or \"PT2S\"");
            }
            fromText = Durations.parse(node.stringValue(), "delay");
        }
        Duration fromMillis = null;
        if (update.has("delayMillis")) {
            JsonNode node = update.get("delayMillis");
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
                throw new IllegalArgumentException("delayMillis must be a non-negative whole number");
            }
            fromMillis = Duration.ofMillis(node.longValue());
        }
        if (fromText != null && fromMillis != null && !fromText.equals(fromMillis)) {
            throw new IllegalArgumentException("delay and delayMillis disagree; send only one of them");
        }
        return fromText != null ? fromText : fromMillis;
    }

    private static boolean bool(JsonNode update, String field) {
        JsonNode node = update.get(field);
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return node.booleanValue();
    }
}
