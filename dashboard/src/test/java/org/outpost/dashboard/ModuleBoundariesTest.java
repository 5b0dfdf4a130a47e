package org.outpost.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module map of docs/architecture.md, enforced: dashboard → crawler, alerts → core, one way only. */
class ModuleBoundariesTest {

    private static JavaClasses outpost;

    @BeforeAll
    static void importClasses() {
        outpost = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.outpost");
    }

    @Test
    void coreDependsOnNoOtherOutpostModule() {
        noClasses().that().resideInAPackage("org.outpost.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.outpost.crawler..", "org.outpost.alerts..",
                        "org.outpost.dashboard..", "org.outpost.seeds..")
                .check(outpost);
    }

    @Test
    void crawlerAndAlertsNeverDependOnEachOther() {
        noClasses().that().resideInAPackage("org.outpost.crawler..")
                .should().dependOnClassesThat().resideInAnyPackage("org.outpost.alerts..", "org.outpost.dashboard..")
                .allowEmptyShould(true)
                .check(outpost);
        noClasses().that().resideInAPackage("org.outpost.alerts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.outpost.crawler..", "org.outpost.dashboard..")
                .allowEmptyShould(true)
                .check(outpost);
    }

    @Test
    void seedsAreDataOnly() {
        noClasses().that().resideInAPackage("org.outpost.seeds..")
                .should().dependOnClassesThat().resideInAnyPackage("org.outpost.core..", "org.outpost.crawler..",
                        "org.outpost.alerts..", "org.outpost.dashboard..")
                .check(outpost);
    }
}
