package org.partnerprogram.renewal.console;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The local run as a person sees it: the demo data loaded, the clock on 2021-03-20. */
public class ConsoleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("local.demo-data", "true", "local.clock", "2021-03-20T10:00:00Z");
    }
}
