package org.layerloom.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Now that the engine depends on DJL: the document, the project files and the training events stay
 * free of it (and of JavaFX), so they can be read and tested anywhere (ARCHITECTURE.md).
 */
@AnalyzeClasses(packages = "org.layerloom.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class DjlBoundaryTest {

    @ArchTest
    static final ArchRule documents_and_events_do_not_use_djl = noClasses()
            .that().resideInAnyPackage("org.layerloom.engine.graph..", "org.layerloom.engine.project..",
                    "org.layerloom.engine.train.event..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..");

    @ArchTest
    static final ArchRule the_engine_does_not_use_javafx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");
}
