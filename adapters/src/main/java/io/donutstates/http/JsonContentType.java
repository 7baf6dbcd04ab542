package io.donutstates.http;

import java.util.Locale;

/**
 * Whether a request's {@code Content-Type} says JSON: {@code application/json} or any
 * {@code application/*+json}, in any letter case, with or without parameters such as a charset.
 * A browser can send {@code text/plain} or a form to another site without asking it first; it must
 * ask (a CORS preflight) before it sends JSON, so refusing everything else stops a cross-site purchase.
 */
public final class JsonContentType {

    private JsonContentType() {
    }

    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json")) {
            return true;
        }
        if (!type.startsWith("application/") || !type.endsWith("+json")) {
            return false;
        }
        String subtype = type.substring("application/".length(), type.length() - "+json".length());
        return !subtype.isEmpty() && subtype.chars().allMatch(JsonContentType::isTokenChar);
    }

    /** A character of an RFC 9110 token, as a media subtype is made of. */
    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    public static HttpReply unsupported() {
        return HttpReply.error(415, "UNSUPPORTED_MEDIA_TYPE",
                "send the body as application/json (or application/*+json), with an optional charset");
    }
}
