package io.donutstates.shared;

/**
 * A setting the shop cannot work with, found at start-up: the message is one line that names the
 * setting and what is wrong with it, meant to be shown as it is.
 */
public class StartRefused extends IllegalStateException {

    public StartRefused(String reason) {
        super(oneLine(reason));
    }

    public StartRefused(String reason, Throwable cause) {
        super(oneLine(reason), cause);
    }

    /** The first {@code StartRefused} in a chain of causes, if any. */
    public static java.util.Optional<StartRefused> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartRefused refused) {
                return java.util.Optional.of(refused);
            }
        }
        return java.util.Optional.empty();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
