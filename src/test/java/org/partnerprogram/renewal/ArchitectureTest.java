package org.partnerprogram.renewal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of the README, enforced: a pure domain, adapters at the edge, local code apart. */
class ArchitectureTest {

    static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.partnerprogram.renewal");
    }

    @Test
    void theDomainIsPlainJava() {
        classes().that().resideInAPackage("..renewal.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..renewal.domain..")
                .check(main);
    }

    @Test
    void theDomainKnowsNoLayerAboveIt() {
        noClasses().that().resideInAPackage("..renewal.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..usecase..", "..store..", "..lambda..", "..local..")
                .check(main);
    }

    @Test
    void useCasesAndTheStoreDoNotKnowTheHttpEdge() {
        noClasses().that().resideInAnyPackage("..renewal.usecase..", "..renewal.store..")
                .should().dependOnClassesThat().resideInAPackage("..renewal.lambda..")
                .check(main);
    }

    @Test
    void nothingButTheLocalRunUsesTheLocalRun() {
        noClasses().that().resideOutsideOfPackage("..renewal.local..")
                .should().dependOnClassesThat().resideInAPackage("..renewal.local..")
                .check(main);
    }

    @Test
    void handlersOnlyTalkToUseCasesNotToTheStore() {
        noClasses().that().haveSimpleNameEndingWith("Handler").and().resideInAPackage("..renewal.lambda..")
                .should().dependOnClassesThat().resideInAPackage("..renewal.store..")
                .check(main);
    }

    @Test
    void useCasesKnowNoDynamoDbOrOtherAwsType() {
        noClasses().that().resideInAPackage("..renewal.usecase..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .check(main);
    }

    /** A key prefix such as "RENEWAL#" or "PARTNER#" (ArchUnit cannot see string constants: the source can). */
    static final Pattern KEY_LITERAL = Pattern.compile("\"[A-Z_]+#");

    @Test
    void onlyTheTableSpellsAKey() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.endsWith(Path.of("org/partnerprogram/renewal/store/Table.java")))
                    .filter(ArchitectureTest::spellsAKey)
                    .map(main::relativize).map(Path::toString).toList();
        }
        assertThat(offenders).as("files that build table keys outside store/Table.java").isEmpty();
    }

    private static boolean spellsAKey(Path file) {
        try {
            return KEY_LITERAL.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
