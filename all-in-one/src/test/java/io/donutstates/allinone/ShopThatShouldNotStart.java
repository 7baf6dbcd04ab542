package io.donutstates.allinone;

import java.util.HashMap;
import java.util.Map;

/** The settings of a shop a test expects to refuse its start: a database of its own on the shared server, any ports. */
final class ShopThatShouldNotStart {

    private ShopThatShouldNotStart() {
    }

    static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", "0");
        env.put("DONUT_DB_URL", SharedMariaDb.freshDatabaseUrl());
        env.put("DONUT_DB_USER", SharedMariaDb.USER);
        env.put("DONUT_DB_PASSWORD", SharedMariaDb.password());
        env.put("DONUT_ADMIN_TOKEN", "refused-start-token");
        env.put("DONUT_FACTORY_PORT", "0");
        env.put("LOGGING_LEVEL_ROOT", "OFF");
        env.putAll(settings);
        return env;
    }
}
