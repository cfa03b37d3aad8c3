package org.layerloom.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of the training engine (shared/ARCHITECTURE.md, "Rules that tests enforce"). */
@AnalyzeClasses(packages = "org.layerloom.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule document_and_events_are_free_of_javafx_and_djl = noClasses()
            .that().resideInAnyPackage("org.layerloom.engine.graph..", "org.layerloom.engine.project..",
                    "org.layerloom.engine.train.event..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..")
            .because("the document, the project file and training events must be usable without JavaFX or DJL");

    @ArchTest
    static final ArchRule engine_uses_no_user_interface_toolkit = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("the training engine runs headless; views live in model-editor, charts and app");
}
