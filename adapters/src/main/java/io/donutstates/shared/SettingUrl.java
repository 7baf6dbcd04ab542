package io.donutstates.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** A URL read from a setting: http or https with a host, or the start is refused naming the setting. */
public final class SettingUrl {

    private SettingUrl() {
    }

    /** The URL, or empty when the setting is blank. */
    public static Optional<URI> optional(String setting, String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(setting, value));
    }

    public static URI parse(String setting, String value) {
        String text = value == null ? "" : value.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refused(setting, value, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(setting, value, "it must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused(setting, value, "it names no host");
        }
        return uri;
    }

    private static StartRefused refused(String setting, String value, String why) {
        return new StartRefused(setting + " is not a URL like http://host:port (got '" + value + "'): " + why);
    }
}
