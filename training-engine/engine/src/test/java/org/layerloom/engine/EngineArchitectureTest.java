package org.layerloom.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.layerloom.engine.testing.ArchitectureRules;

/**
 * The rules of the training-engine folder that the module graph cannot state (shared/ARCHITECTURE.md).
 * That loom-core uses neither DJL nor JavaFX, and that the engine uses no JavaFX, is held by the Maven
 * dependencies: neither is on their class paths (and the core's own architecture test states it). What
 * remains is about the JDK's own toolkits, so these rules read the main classes of both modules (the core's
 * arrive on this class path); the toolkit rule is the shared one of {@link ArchitectureRules}.
 */
@AnalyzeClasses(packages = "org.layerloom.engine", importOptions = ArchitectureRules.MainClasses.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engine_uses_no_user_interface_toolkit = ArchitectureRules.NO_USER_INTERFACE_TOOLKIT;

    /**
     * Headless java.awt (BufferedImage, Graphics2D, fonts, shapes) draws the generated shapes and digits and
     * decodes and scales the student's pictures; it needs no display. Only those two packages may use it.
     */
    @ArchTest
    static final ArchRule only_image_data_draws_with_headless_awt = noClasses()
            .that().resideOutsideOfPackages("org.layerloom.engine.data.generate..", "org.layerloom.engine.data.image..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..")
            .because("only image datasets draw or decode pictures, and they do it headless");

    /** The Keras importer reads files and builds graphs; it starts no engine, so it works before PyTorch loads. */
    @ArchTest
    static final ArchRule keras_import_needs_no_engine = noClasses()
            .that().resideInAPackage("org.layerloom.engine.imports.keras..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.layerloom.engine.compile..",
                    "org.layerloom.engine.train..")
            .because("importing a Keras file translates structure and numbers only");

    /**
     * The layer workings recompute each layer in plain Java to check (and explain) the engine's numbers, so
     * they must not use the engine they check.
     */
    @ArchTest
    static final ArchRule layer_workings_need_no_engine = noClasses()
            .that().resideInAPackage("org.layerloom.engine.inspect.compute..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.layerloom.engine.compile..")
            .because("a working recomputed with the engine's own code would check nothing");
}
