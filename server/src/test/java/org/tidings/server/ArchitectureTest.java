package org.tidings.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The map of the code holds: no two packages need each other, the core knows nothing of the
 * server, only the store speaks SQL, and the stages of the pipeline know nothing of the pages.
 */
class ArchitectureTest {

    /** The pipeline's stages and what they stand on: they run without a reader in sight. */
    private static final String[] STAGES = server("pipeline", "ingest", "enrich", "story", "search", "fetch", "store", "config",
            "i18n");
    /** What readers, operators and moderators see and do. */
    private static final String[] PAGES = server("site", "frontpage", "listing", "article", "sources", "account", "personal", "api",
            "comment", "ai", "edition", "image", "demo", "cli");

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tidings");

    @Test
    void corePackagesAreFreeOfCycles() {
        slices().matching("org.tidings.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void serverPackagesAreFreeOfCycles() {
        slices().matching("org.tidings.server.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theCoreNeverDependsOnTheServer() {
        noClasses().that().resideOutsideOfPackage("org.tidings.server..").should().dependOnClassesThat()
                .resideInAPackage("org.tidings.server..").check(MAIN);
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("org.tidings.server.store..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..").check(MAIN);
    }

    @Test
    void stagesDoNotDependOnPages() {
        noClasses().that().resideInAnyPackage(STAGES).should().dependOnClassesThat().resideInAnyPackage(PAGES).check(MAIN);
    }

    private static String[] server(String... packages) {
        return java.util.Arrays.stream(packages).map(p -> "org.tidings.server." + p + "..").toArray(String[]::new);
    }
}
