package io.donutstates.housekeeping;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one housekeeping run did: rows removed per kind (those of a kind that failed part-way
 * included, as each batch commits on its own) and the kinds that failed.
 */
public record Purged(Map<History, Integer> removed, Map<History, RuntimeException> failures) {

    public Purged {
        removed = Collections.unmodifiableMap(new EnumMap<>(removed));
        failures = Collections.unmodifiableMap(failures.isEmpty() ? Map.of() : new EnumMap<>(failures));
    }

    public int removed(History kind) {
        return removed.getOrDefault(kind, 0);
    }

    public int total() {
        return removed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
