package org.partnerprogram.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the Lambda functions get: target/function.zip, built by `package`. */
class FunctionPackageIT {

    static final File ZIP = new File("target/function.zip");

    static List<String> entries() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP)) {
            return Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void theZipStaysUnderTwentyMegabytes() {
        assertThat(ZIP).exists();
        assertThat(ZIP.length()).isLessThan(20L * 1024 * 1024);
    }

    @Test
    void theLocalRunIsNotInTheLambdaPackage() throws IOException {
        assertThat(entries())
                .noneMatch(name -> name.startsWith("org/partnerprogram/renewal/local/") && name.endsWith(".class"))
                .noneMatch(name -> name.contains("DynamoDBLocal") || name.contains("jackson-dataformat-yaml") || name.contains("jetty"));
    }

    @Test
    void everyHandlerAndThePolicyShip() throws IOException {
        assertThat(entries()).contains(
                "org/partnerprogram/renewal/lambda/CheckHandler.class",
                "org/partnerprogram/renewal/lambda/RenewHandler.class",
                "org/partnerprogram/renewal/lambda/EnrolHandler.class",
                "org/partnerprogram/renewal/lambda/SweepHandler.class",
                "org/partnerprogram/renewal/lambda/ConsoleHandler.class",
                "console/index.html", "console/app.js",
                "policies/mpn-2021.properties");
    }

    @Test
    void noLibraryTheFunctionsNeverUseShips() throws IOException {
        // The handlers read their events as JSON; Quarkus needs joda-time (it registers JodaModule).
        assertThat(entries()).noneMatch(name -> name.contains("aws-lambda-java-events"));
    }
}
