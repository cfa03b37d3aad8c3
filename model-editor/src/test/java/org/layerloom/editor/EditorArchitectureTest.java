package org.layerloom.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.layerloom.engine.testing.ArchitectureRules;

/**
 * The editor sees the core only through the graph document and the project file (plus the shared
 * vocabulary: the theme, the number formats and the plain {@code FloatTensor} of the activation previews),
 * knows nothing of the app or the charts, and uses no DJL (the shared rules of {@link ArchitectureRules},
 * and the editor's own).
 */
@AnalyzeClasses(packages = "org.layerloom.editor", importOptions = ArchitectureRules.MainClasses.class)
class EditorArchitectureTest {

    @ArchTest
    static final ArchRule editor_uses_only_graph_and_project_of_ours = ArchitectureRules.usesOnlyOfOurs(
                    "org.layerloom.editor", "org.layerloom.engine.graph", "org.layerloom.engine.project",
                    "org.layerloom.engine.look", "org.layerloom.engine.text", "org.layerloom.engine.tensor",
                    // A project's assignment is part of the document: the palette shows its locked layer kinds.
                    "org.layerloom.engine.assignment")
            .because("the editor must not reach into compile/train/data, the app or the charts"
                    + " (shared/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule editor_imports_no_djl = ArchitectureRules.NO_DJL;

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
