package org.partnerprogram.renewal.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local run only: the console's persona picker instead of OpenID Connect sign-in. The tokens are
 * the README's unsigned demo tokens (the local API does not check signatures); never shipped.
 */
final class Personas {

    record Persona(String id, String label, String token) {
    }

    static final List<Persona> ALL = List.of(
            admin("contoso", "Contoso Ltd"),
            admin("fabrikam", "Fabrikam Inc"),
            admin("northwind", "Northwind Traders"),
            new Persona("operator", "ops@partnerprogram.example (membership-operator)",
                    token("{\"sub\":\"ops@partnerprogram.example\",\"roles\":[\"membership-operator\"]}")));

    private Personas() {
    }

    /**
     * What the console reads from config.json in the local run: the deployed settings (the
     * service's date and claim names) with the picker instead of a sign-in.
     */
    static Map<String, Object> consoleConfig(Map<String, Object> deployed) {
        Map<String, Object> config = new LinkedHashMap<>(deployed);
        config.put("mode", "local");
        config.put("personas", ALL);
        return config;
    }

    private static Persona admin(String partnerId, String name) {
        return new Persona(partnerId, "admin@" + partnerId + ".example (" + name + ")", token(
                "{\"sub\":\"admin@" + partnerId + ".example\",\"partner_id\":\"" + partnerId + "\",\"roles\":[\"mpn-partner-admin\"]}"));
    }

    private static String token(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
