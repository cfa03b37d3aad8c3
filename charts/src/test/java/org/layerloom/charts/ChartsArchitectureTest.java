package org.layerloom.charts;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.layerloom.engine.testing.ArchitectureRules;

/** Charts are plain views fed with numbers: they import nothing of LayerLoom's other modules, nor DJL. */
@AnalyzeClasses(packages = "org.layerloom.charts", importOptions = ArchitectureRules.MainClasses.class)
class ChartsArchitectureTest {

    @ArchTest
    static final ArchRule charts_import_nothing_of_ours = ArchitectureRules.usesOnlyOfOurs("org.layerloom.charts")
            .because("charts are reusable views fed with plain numbers (shared/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule charts_import_no_djl = ArchitectureRules.NO_DJL;
}
