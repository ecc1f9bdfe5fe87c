package org.partnerprogram.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A default lives in RenewalConfig only; the README's table shows the same values. */
class ConfigDefaultsTest {

    /** A README row: | `renewal.x` | `default` ... */
    static final Pattern ROW = Pattern.compile("^\\| `(renewal\\.[a-z.-]+)` \\| [^`|]*`([^`]*)`", Pattern.MULTILINE);

    @Test
    void theReadmeShowsTheDefaultsTheCodeDeclares() throws IOException {
        Map<String, String> declared = new TreeMap<>();
        Map<String, Boolean> hasDefault = new HashMap<>();
        settings(RenewalConfig.class, "renewal.", declared, hasDefault);
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertThat(documented.keySet()).as("settings in the README's Configuration table").isEqualTo(declared.keySet());
        declared.forEach((name, value) -> {
            if (hasDefault.get(name)) {
                assertThat(documented.get(name)).as("README default of " + name).isEqualTo(value);
            }
        });
    }

    @Test
    void applicationPropertiesRepeatsNoDefault() throws IOException {
        assertThat(Files.readAllLines(Path.of("src/main/resources/application.properties")))
                .as("renewal.* is set per profile only (%dev., %test.); defaults live in RenewalConfig")
                .noneMatch(line -> line.startsWith("renewal."));
    }

    private static void settings(Class<?> mapping, String prefix, Map<String, String> declared, Map<String, Boolean> hasDefault) {
        for (Method method : mapping.getDeclaredMethods()) {
            if (method.isDefault()) {
                continue; // derived from the settings, not one (SmallRye maps abstract methods only)
            }
            String name = prefix + kebab(method.getName());
            if (method.getReturnType().isInterface() && method.getReturnType().getEnclosingClass() == RenewalConfig.class) {
                settings(method.getReturnType(), name + ".", declared, hasDefault);
                continue;
            }
            WithDefault value = method.getAnnotation(WithDefault.class);
            declared.put(name, value == null ? "" : value.value());
            hasDefault.put(name, value != null);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
