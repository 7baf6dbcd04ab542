package io.donutstates.alerting;

import java.util.LinkedHashMap;
import java.util.Map;

/** How an alert reads to a person, the same in every channel. */
public final class AlertText {

    private AlertText() {
    }

    public static String headline(Alert alert) {
        return switch (alert.kind()) {
            case DEAD_LETTERED -> ":rotating_light: Replenishment of " + alert.sku() + " dead-lettered";
            case REPLENISHMENT_FAILED -> ":rotating_light: Replenishment of " + alert.sku() + " failed";
            case REPLENISHMENT_STUCK -> ":hourglass: Replenishment of " + alert.sku() + " stuck: no delivery";
            case FACTORY_UNAVAILABLE -> ":factory: Factory " + alert.factoryId() + " unavailable";
            case LEDGER_BROKEN -> ":ledger: Stock ledger of " + alert.sku() + " does not add up";
            case DATABASE_UNAVAILABLE -> ":electric_plug: Database could not be reached";
            case OUTBOX_STUCK -> ":outbox_tray: Stock events not reaching the stock topic";
            case DELIVERY_REFUSED -> ":no_entry: Delivery callback for " + alert.sku() + " refused";
        } + " — " + alert.reason();
    }

    public static Map<String, String> fields(Alert alert) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SKU", orDash(alert.sku()));
        fields.put("Product", orDash(alert.productName()));
        fields.put("Factory", orDash(alert.factoryId()));
        fields.put("Replenishment", orDash(alert.replenishmentId()));
        fields.put("Reason", orDash(alert.reason()));
        fields.put("Last error", orDash(alert.lastError()));
        fields.put("At", alert.at().toString());
        return fields;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
