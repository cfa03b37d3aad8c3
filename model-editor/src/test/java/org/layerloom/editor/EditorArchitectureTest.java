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
 * The editor sees the engine only through the graph document, the project file and the plain
 * {@code FloatTensor} value (the activation previews it paints), and knows nothing of the app or the charts.
 */
@AnalyzeClasses(packages = "org.layerloom", importOptions = ImportOption.DoNotIncludeTests.class)
class EditorArchitectureTest {

    @ArchTest
    static final ArchRule editor_uses_only_graph_and_project_of_ours = noClasses()
            .that().resideInAPackage("org.layerloom.editor..")
            .should().dependOnClassesThat(resideInAPackage("org.layerloom..")
                    .and(not(resideInAnyPackage("org.layerloom.editor..", "org.layerloom.engine.graph..",
                            "org.layerloom.engine.project..", "org.layerloom.engine.tensor.."))))
            .allowEmptyShould(true)
            .because("the editor must not reach into compile/train/data, the app or the charts"
                    + " (shared/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule view_models_and_commands_need_no_toolkit = noClasses()
            .that().resideInAnyPackage("org.layerloom.editor.model..", "org.layerloom.editor.command..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "java.awt..")
            .because("view-models and commands are tested without a toolkit (shared/STYLE.md rules 13 and 17)");

    @ArchTest
    static final ArchRule the_document_is_changed_only_by_commands = noClasses()
            .that().resideInAPackage("org.layerloom.editor.view..")
            .should().callMethod(org.layerloom.engine.graph.GraphDocument.class, "apply",
                    org.layerloom.engine.graph.edit.GraphEdit.class)
            .because("every change of the graph is one undoable step through a command");
}
