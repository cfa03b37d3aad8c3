package org.layerloom.app.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerloom.app.ui.project.ProjectCheckView;
import org.layerloom.app.ui.project.ProjectCheckViewModel;
import org.layerloom.app.ui.reference.LayerReferenceView;
import org.layerloom.app.ui.reference.LayerReferenceViewModel;

/**
 * The content of the main window: a header with the Open button, and tabs for the layer reference and
 * the check of the open project. Gets its view-models through the constructor. JavaFX thread only.
 */
public final class MainWindow extends BorderPane {

    private final ProjectCheckViewModel projectModel;
    private final TabPane tabs = new TabPane();
    private final Tab projectTab;
    private File lastDirectory;

    public MainWindow(LayerReferenceViewModel referenceModel, ProjectCheckViewModel projectModel) {
        this.projectModel = projectModel;
        getStyleClass().add("main-window");

        Label brand = new Label("LayerLoom");
        brand.getStyleClass().add("brand");
        Label tagline = new Label("Build, train and look inside neural networks");
        tagline.getStyleClass().add("tagline");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Open project…");
        open.setId("open-project");
        open.getStyleClass().add("accent-button");
        open.setOnAction(e -> chooseProject());
        HBox header = new HBox(14, brand, tagline, spacer, open);
        header.getStyleClass().add("app-header");
        setTop(header);

        Tab referenceTab = new Tab("Layer reference", new LayerReferenceView(referenceModel));
        projectTab = new Tab("Project check", new ProjectCheckView(projectModel, this::chooseProject, kind -> {
            referenceModel.select(kind);
            tabs.getSelectionModel().select(referenceTab);
        }));
        tabs.getTabs().addAll(referenceTab, projectTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
    }

    /** Reads and checks a project in the background and brings its tab to the front. */
    public void openProject(Path file) {
        lastDirectory = file.toAbsolutePath().getParent() == null ? null : file.toAbsolutePath().getParent().toFile();
        tabs.getSelectionModel().select(projectTab);
        projectModel.open(file);
    }

    private void chooseProject() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a LayerLoom project");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("LayerLoom projects (*.loom)", "*.loom"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        Window owner = getScene() == null ? null : getScene().getWindow();
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            openProject(chosen.toPath());
        }
    }
}
