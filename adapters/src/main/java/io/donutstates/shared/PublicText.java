package io.donutstates.shared;

import java.util.regex.Pattern;

/**
 * An error text as anyone may read it (the public replenishment list, the dashboard's recent
 * alerts): what went wrong, without the addresses of the shop's parts or the Java names of the
 * exceptions that said so. Ops get the whole text in the log, the alert channels and the admin API.
 */
public final class PublicText {

    private static final Pattern ADDRESS = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s,;)]*[^\\s,;):.]");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}([A-Z][A-Za-z0-9_]*)");

    private PublicText() {
    }

    /** {@code HTTP 503 from http://10.0.0.5:8081/api/manufactures} reads {@code HTTP 503 from <address>}. */
    public static String ofError(String text) {
        if (text == null) {
            return null;
        }
        return QUALIFIED_NAME.matcher(ADDRESS.matcher(text).replaceAll("<address>")).replaceAll("$1");
    }
}
