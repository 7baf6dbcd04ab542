package io.donutstates.loadgen;

import java.util.Arrays;
import java.util.Optional;

/** What the crowd buys: one hot SKU, the whole catalog, or the legacy /send endpoint. */
public enum Scenario {
    FLASH_CROWD("flash-crowd"),
    CATALOG("catalog"),
    LEGACY_SEND("legacy-send");

    private final String cliName;

    Scenario(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<Scenario> fromCliName(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst();
    }
}
