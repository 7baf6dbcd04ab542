package io.donutstates.allinone;

import java.util.Map;

/** The lines printed at start-up: where the API, the factory, the queues and the data are. */
final class StartupReport {

    private StartupReport() {
    }

    static String of(AllInOne shop, long startMillis) {
        return of(shop, startMillis, Map.of());
    }

    /** @param environment what the process was started with, to tell embedded parts from external ones */
    static String of(AllInOne shop, long startMillis, Map<String, String> environment) {
        var s = shop.settings();
        // With database, queues and factory all external this process is one instance of a scaled-out shop.
        boolean queuesExternal = !blank(environment.get("DONUT_SQS_ENDPOINT"))
                || !blank(environment.get("DONUT_SNS_TOPIC_ARN"));
        boolean embedsSomething = shop.simulator() != null || s.containsKey("DONUT_EMBEDDED_DB_DIR") || !queuesExternal;
        var text = new StringBuilder()
                .append("\n=== Donut-States is open (").append(embedsSomething ? "all-in-one" : "service instance")
                .append(", started in ").append(startMillis).append(" ms) ===\n")
                .append("  Sales API          ").append(shop.apiUrl()).append("/api/products\n")
                .append("  Legacy endpoint    POST ").append(shop.apiUrl()).append("/send\n")
                .append("  Health / metrics   ").append(shop.apiUrl()).append("/actuator/health , /actuator/prometheus (admin token)\n");
        if (shop.simulator() != null) {
            text.append("  Factory simulator  ").append(shop.simulator().baseUrl())
                    .append("  (faults: PUT /api/admin/faults, orders: GET /api/orders)\n");
        } else {
            text.append("  Factory            ").append(s.get("DONUT_FACTORY_URL")).append('\n');
        }
        if (s.containsKey("DONUT_EMBEDDED_DB_DIR")) {
            text.append("  Database           embedded MariaDB on ").append(hostAndPort(s.get("DONUT_DB_URL")))
                    .append(", data in ").append(s.get("DONUT_EMBEDDED_DB_DIR"))
                    .append(EmbeddedMariaDb.Durability.from(s) == EmbeddedMariaDb.Durability.RELAXED
                            ? "  (relaxed durability: commits flushed about once a second)" : "")
                    .append('\n');
        } else {
            text.append("  Database           ").append(s.get("DONUT_DB_URL")).append('\n');
        }
        text.append("  Queues             ").append(s.getOrDefault("DONUT_SQS_ENDPOINT", "AWS"))
                .append("  (stock_queue -> dead_letter_queue)\n");
        if ("true".equals(s.get("DONUT_ADMIN_TOKEN_GENERATED"))) {
            text.append("  Admin token        ").append(shop.adminToken())
                    .append("  (generated for this run; set DONUT_ADMIN_TOKEN to choose one)\n");
        } else {
            text.append("  Admin token        from DONUT_ADMIN_TOKEN\n");
        }
        if (!embedsSomething) {
            text.append("  Public URL         ").append(s.getOrDefault("DONUT_PUBLIC_URL", shop.apiUrl()))
                    .append("  (the factory calls back here)\n");
        }
        return text.toString();
    }

    /** "127.0.0.1:41234" of "jdbc:mariadb://127.0.0.1:41234/donut_states?..." */
    static String hostAndPort(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "?";
        }
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return jdbcUrl;
        }
        int end = jdbcUrl.indexOf('/', start + 2);
        return jdbcUrl.substring(start + 2, end < 0 ? jdbcUrl.length() : end);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
