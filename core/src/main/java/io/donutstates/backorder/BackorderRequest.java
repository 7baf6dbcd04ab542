package io.donutstates.backorder;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A buyer's wish to wait when the shelf cannot serve the purchase, and where to be told when the
 * backorder is fulfilled or expires ({@code notifyUrl}: an absolute http(s) URL, or null).
 */
public record BackorderRequest(String notifyUrl) {

    public static final int MAX_URL_LENGTH = 500;

    public BackorderRequest {
        if (notifyUrl != null) {
            notifyUrl = valid(notifyUrl.strip());
        }
    }

    private static String valid(String url) {
        try {
            var uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (url.length() > MAX_URL_LENGTH || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("notifyUrl must be an absolute http or https URL of at most "
                    + MAX_URL_LENGTH + " characters, without user info");
        }
    }
}
