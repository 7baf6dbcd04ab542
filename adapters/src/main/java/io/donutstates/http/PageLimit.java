package io.donutstates.http;

/** The {@code limit} of a listing: a whole number from 1 to 1000, 100 when not given. */
public final class PageLimit {

    /** As text, for a framework's default-value annotation. */
    public static final String DEFAULT_TEXT = "100";
    public static final int DEFAULT = Integer.parseInt(DEFAULT_TEXT);
    public static final int MAX = 1000;

    private PageLimit() {
    }

    /** @param text the query parameter as sent, or null when absent */
    public static int parse(String text) {
        if (text == null) {
            return DEFAULT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number (got '" + text + "')");
        }
        return check(limit);
    }

    /** @throws IllegalArgumentException outside 1..1000 */
    public static int check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX);
        }
        return limit;
    }
}
