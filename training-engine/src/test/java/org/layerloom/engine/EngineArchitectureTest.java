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
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..", "java.awt.event..")
            .orShould().dependOnClassesThat().areAssignableTo(java.awt.Component.class)
            .because("the training engine runs headless; views live in model-editor, charts and app");

    /**
     * Headless java.awt (BufferedImage, Graphics2D, fonts, shapes) draws the generated shapes and digits and
     * decodes and scales the student's pictures; it needs no display. Only those two packages may use it.
     */
    @ArchTest
    static final ArchRule only_image_data_draws_with_headless_awt = noClasses()
            .that().resideOutsideOfPackages("org.layerloom.engine.data.generate..", "org.layerloom.engine.data.image..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..")
            .because("only image datasets draw or decode pictures, and they do it headless");
}
