package org.partnerprogram.renewal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
