package org.layerloom.editor;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The editor sees the engine only through the graph document and the project file, and knows nothing
 * of the app or the charts.
 */
@AnalyzeClasses(packages = "org.layerloom", importOptions = ImportOption.DoNotIncludeTests.class)
class EditorArchitectureTest {

    @ArchTest
    static final ArchRule editor_uses_only_graph_and_project_of_ours = noClasses()
            .that().resideInAPackage("org.layerloom.editor..")
            .should().dependOnClassesThat(resideInAPackage("org.layerloom..")
                    .and(not(resideInAnyPackage("org.layerloom.editor..", "org.layerloom.engine.graph..",
                            "org.layerloom.engine.project.."))))
            .allowEmptyShould(true)
            .because("the editor must not reach into compile/train/data, the app or the charts"
                    + " (shared/ARCHITECTURE.md)");
}
