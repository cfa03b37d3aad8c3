package org.layerloom.app;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.layerloom.engine.testing.ArchitectureRules;

/**
 * The app reaches DJL only through the training engine. DJL is on the app's class path through the engine,
 * so the module graph cannot say this here; the rule is the shared one of {@link ArchitectureRules}.
 */
@AnalyzeClasses(packages = "org.layerloom.app", importOptions = ArchitectureRules.MainClasses.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule app_imports_no_djl = ArchitectureRules.NO_DJL;
}
