package org.layerloom.engine.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Project files are plain Java and Jackson: no JavaFX, no DJL (shared/STYLE.md rule 1). */
@AnalyzeClasses(packages = "org.layerloom.engine.project", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectPackageArchitectureTest {

    @ArchTest
    static final ArchRule project_files_use_neither_javafx_nor_djl = noClasses()
            .that().resideInAPackage("org.layerloom.engine.project..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..");
}
