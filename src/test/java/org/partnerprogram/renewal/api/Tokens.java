package org.partnerprogram.renewal.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned JWTs, as the local API accepts them: the payload becomes the authorizer's claims. */
public final class Tokens {

    private Tokens() {
    }

    public static String partnerAdmin(String partnerId) {
        return jwt("{\"sub\":\"admin@" + partnerId + "\",\"partner_id\":\"" + partnerId + "\",\"roles\":[\"mpn-partner-admin\",\"reader\"]}");
    }

    public static String operator() {
        return jwt("{\"sub\":\"ops@example.com\",\"roles\":[\"membership-operator\"]}");
    }

    public static String jwt(String payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
