package org.layerloom.charts;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Charts are plain views fed with numbers: they import nothing of LayerLoom's other modules. */
@AnalyzeClasses(packages = "org.layerloom", importOptions = ImportOption.DoNotIncludeTests.class)
class ChartsArchitectureTest {

    @ArchTest
    static final ArchRule charts_import_nothing_of_ours = noClasses()
            .that().resideInAPackage("org.layerloom.charts..")
            .should().dependOnClassesThat(resideInAPackage("org.layerloom..")
                    .and(not(resideInAPackage("org.layerloom.charts.."))))
            .allowEmptyShould(true)
            .because("charts are reusable views fed with plain numbers (shared/ARCHITECTURE.md)");
}
