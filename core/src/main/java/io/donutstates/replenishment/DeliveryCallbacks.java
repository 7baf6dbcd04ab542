package io.donutstates.replenishment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The factory's way back to us: a callback URL per replenishment carrying an unguessable token
 * (an HMAC of the replenishment id under the shop's secret), so any instance can verify it.
 */
public class DeliveryCallbacks {

    public static final String PATH = "/api/factory/callbacks/";

    private final Supplier<String> publicBaseUrl;
    private final byte[] secret;

    /** @param publicBaseUrl where the factory reaches this shop, asked when an order is placed */
    public DeliveryCallbacks(Supplier<String> publicBaseUrl, byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("callback secret must be at least 16 bytes");
        }
        this.publicBaseUrl = publicBaseUrl;
        this.secret = secret.clone();
    }

    public URI urlFor(ReplenishmentId id) {
        String base = publicBaseUrl.get().replaceAll("/+$", "");
        return URI.create(base + PATH + id + "?token=" + tokenFor(id));
    }

    public boolean isGenuine(ReplenishmentId id, String token) {
        if (token == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(id).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    String tokenFor(ReplenishmentId id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(id.toString().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
