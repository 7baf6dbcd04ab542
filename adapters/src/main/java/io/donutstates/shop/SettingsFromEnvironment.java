package io.donutstates.shop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link ShopSettings} from {@code DONUT_*} variables named as Spring names them for the
 * service ({@code factory.giveUpAfter} is {@code DONUT_FACTORY_GIVE_UP_AFTER}), so the names follow the
 * record and cannot drift. A variable not set is left to the record's default. Durations read as
 * {@code 300ms}, {@code 5s}, {@code 3m}, {@code 1h}, {@code 30d} or ISO-8601 ({@code PT5S}).
 */
public final class SettingsFromEnvironment {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private SettingsFromEnvironment() {
    }

    /**
     * @param variables a variable's value by name, empty when it is not set (or blank)
     * @throws IllegalArgumentException naming the variable, for a value that cannot be read or is refused
     */
    public static ShopSettings read(Function<String, Optional<String>> variables) {
        return read(ShopSettings.class, "DONUT", variables);
    }

    /** {@code giveUpAfter} under {@code DONUT_FACTORY} is {@code DONUT_FACTORY_GIVE_UP_AFTER}. */
    public static String variable(String prefix, String component) {
        return prefix + "_" + component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static <R extends Record> R read(Class<R> type, String prefix, Function<String, Optional<String>> variables) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            var component = components[i];
            types[i] = component.getType();
            String name = variable(prefix, component.getName());
            if (component.getType().isRecord()) {
                values[i] = read(component.getType().asSubclass(Record.class), name, variables);
            } else {
                values[i] = variables.apply(name).map(text -> convert(name, text, component.getType())).orElse(null);
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
        }
    }

    private static Object convert(String name, String text, Class<?> type) {
        String value = text.strip();
        if (type == String.class) {
            return value;
        }
        if (type == Integer.class) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number (got '" + text + "')");
            }
        }
        if (type == Double.class) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number (got '" + text + "')");
            }
        }
        if (type == Boolean.class) {
            return value.equalsIgnoreCase("true") || value.equals("1");
        }
        if (type == Duration.class) {
            return duration(name, value);
        }
        throw new IllegalStateException(name + ": no reading for " + type.getSimpleName());
    }

    /** {@code 300ms}, {@code 5s}, {@code 3m}, {@code 1h}, {@code 30d} or ISO-8601 ({@code PT5S}). */
    public static Duration duration(String name, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be a duration like 300ms, 5s, 3m or 1h (got '"
                        + text + "')");
            }
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be a duration like 300ms, 5s, 3m or 1h (got '" + text + "')");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
