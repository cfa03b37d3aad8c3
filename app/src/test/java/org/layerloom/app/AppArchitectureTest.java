package org.layerloom.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app reaches DJL only through the training engine (shared/ARCHITECTURE.md: no {@code ai.djl} outside
 * {@code training-engine}). DJL is on the app's class path through the engine, so the module graph cannot
 * say this here; model-editor and charts do not have DJL on their class paths at all.
 */
@AnalyzeClasses(packages = "org.layerloom.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule app_imports_no_djl = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
            .because("versions, devices and kernels come from the engine (EngineInfo, KernelGuard)");
}
