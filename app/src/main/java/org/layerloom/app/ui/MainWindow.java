package org.layerloom.app.ui;

import java.nio.file.Path;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import org.layerloom.app.ui.project.ProjectCheckView;
import org.layerloom.app.ui.project.ProjectCheckViewModel;
import org.layerloom.app.ui.reference.LayerReferenceView;
import org.layerloom.app.ui.reference.LayerReferenceViewModel;
import org.layerloom.editor.view.EditorPane;

/**
 * The content of the main window: the editor's menus (plus Help, which leads to the layer reference)
 * above tabs for the model editor, the layer reference and the check of the open project. Gets its
 * view-models and the editor through the constructor. JavaFX thread only.
 */
public final class MainWindow extends BorderPane {

    private final ProjectCheckViewModel projectModel;
    private final EditorPane editor;
    private final TabPane tabs = new TabPane();
    private final Tab editorTab;
    private final Tab referenceTab;
    private final Tab projectTab;

    public MainWindow(LayerReferenceViewModel referenceModel, ProjectCheckViewModel projectModel, EditorPane editor) {
        this.projectModel = projectModel;
        this.editor = editor;
        getStyleClass().add("main-window");

        editorTab = new Tab("Editor", editor);
        referenceTab = new Tab("Layer reference", new LayerReferenceView(referenceModel));
        projectTab = new Tab("Project check", new ProjectCheckView(projectModel, editor.files()::open, kind -> {
            referenceModel.select(kind);
            tabs.getSelectionModel().select(referenceTab);
        }));
        tabs.getTabs().addAll(editorTab, referenceTab, projectTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

        MenuItem reference = new MenuItem("Layer Reference");
        reference.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        reference.setOnAction(e -> showReference());
        MenuItem check = new MenuItem("Project Check");
        check.setOnAction(e -> {
            // The check reads the saved file: what the command line would validate and train.
            editor.editor().file().ifPresent(projectModel::open);
            tabs.getSelectionModel().select(projectTab);
        });
        Menu help = new Menu("Help", null, reference, check);
        editor.menuBar().getMenus().add(help);
        setTop(editor.menuBar());
        editor.themeProperty().addListener((obs, was, is) -> is.applyTo(this));
        editor.themeProperty().get().applyTo(this);
    }

    public EditorPane editor() {
        return editor;
    }

    /** Opens a project in the editor (read in the background), and checks it in the Project check tab. */
    public void openProject(Path file) {
        tabs.getSelectionModel().select(editorTab);
        editor.files().open(file);
        projectModel.open(file);
    }

    /** Brings the layer reference to the front. */
    public void showReference() {
        tabs.getSelectionModel().select(referenceTab);
    }

    /** Brings the project check to the front (its content follows the last opened project). */
    public void showProjectCheck() {
        tabs.getSelectionModel().select(projectTab);
    }
}
