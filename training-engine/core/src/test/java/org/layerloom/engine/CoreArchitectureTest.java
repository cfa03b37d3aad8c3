package org.layerloom.engine;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.layerloom.engine.testing.ArchitectureRules;

/**
 * loom-core uses neither DJL nor a user-interface toolkit. Its Maven dependencies hold this today; these
 * shared rules of {@link ArchitectureRules} keep holding it if someone adds a dependency.
 */
@AnalyzeClasses(packages = "org.layerloom.engine", importOptions = ArchitectureRules.MainClasses.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_uses_no_djl = ArchitectureRules.NO_DJL;

    @ArchTest
    static final ArchRule core_uses_no_user_interface_toolkit = ArchitectureRules.NO_USER_INTERFACE_TOOLKIT;
}
