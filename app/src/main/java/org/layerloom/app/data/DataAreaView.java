package org.layerloom.app.data;

import static org.layerloom.app.ui.Css.styled;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Notifier;

/**
 * The Data area: on the left, the project's dataset (the source, then the controls that fit it: Download and
 * import for the standard sets, choosers and options for the student's own data; the options as text only in
 * a collapsed advanced view) with "Use for this project", which says so in a notification and marks the choice in
 * the window ("✓ In use by this project", until the choice changes); on the right, the
 * {@link DataPreviewView} of the choice (samples, class counts, the data doctor), refreshed as the choice
 * changes. Observes a {@link DataChoiceViewModel}; JavaFX thread only.
 */
public final class DataAreaView extends BorderPane {

    public DataAreaView(DataChoiceViewModel model) {
        this(model, PathChooser.system(), Notifier.NONE);
    }

    /** With {@code chooser} answering the file and folder choosers (the system's in the app). */
    public DataAreaView(DataChoiceViewModel model, PathChooser chooser) {
        this(model, chooser, Notifier.NONE);
    }

    /**
     * With {@code chooser} answering the file and folder choosers (the system's in the app) and {@code notifier}
     * telling that a choice is now the project's.
     */
    public DataAreaView(DataChoiceViewModel model, PathChooser chooser, Notifier notifier) {
        setId("data-area");
        getStyleClass().add("data-area");
        setCenter(new DataPreviewView(model.preview()));
        ScrollPane side = new ScrollPane(chooser(model, chooser));
        side.setFitToWidth(true);
        side.setFitToHeight(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("data-sidebar-scroll");
        setLeft(side);
        model.confirmationProperty().addListener((obs, was, is) -> {
            if (!is.isEmpty()) {
                notifier.confirm("Dataset in use", is);
            }
        });
        visibleProperty().addListener((obs, was, is) -> model.setShown(is));
    }

    private static VBox chooser(DataChoiceViewModel model, PathChooser pathChooser) {
        Label heading = styled(new Label("What the network learns from"), "sidebar-heading");
        ObservableList<String> ids = FXCollections.observableArrayList(model.sourceIds());
        ComboBox<String> source = new ComboBox<>(ids);
        source.setId("data-source");
        source.setMaxWidth(Double.MAX_VALUE);
        source.setVisibleRowCount(16);
        source.setCellFactory(list -> new SourceCell(model));
        source.setButtonCell(new SourceCell(model));
        source.setValue(model.sourceProperty().get());
        source.valueProperty().addListener((obs, was, is) -> model.chooseSource(is));
        model.sourceProperty().addListener((obs, was, is) -> {
            if (is != null && !ids.contains(is)) {
                ids.add(is);
            }
            source.setValue(is);
        });
        DataSourceControls controls = new DataSourceControls(model, pathChooser);
        TitledPane advanced = new TitledPane("Options as text (advanced)", advanced(model));
        advanced.setId("data-advanced");
        advanced.setExpanded(false);
        advanced.setAnimated(false);
        advanced.getStyleClass().add("data-advanced");
        Label message = styled(new Label(), "start-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Button use = styled(new Button("Use for this project"), "accent-button");
        use.setId("data-use-button");
        use.setTooltip(new Tooltip("Store this dataset in the project and save it"));
        use.disableProperty().bind(model.changedProperty().not());
        use.setOnAction(e -> model.useForProject());
        use.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(use, javafx.scene.layout.Priority.ALWAYS);
        Button revert = new Button("Revert");
        revert.setId("data-revert-button");
        revert.setTooltip(new Tooltip("Put the project's stored dataset back on screen"));
        revert.disableProperty().bind(model.changedProperty().not());
        revert.setOnAction(e -> model.revert());
        HBox buttons = new HBox(8, use, revert);
        Label confirmation = confirmation(model);
        VBox box = new VBox(12, heading, source, controls, message, buttons, confirmation, advanced);
        box.getStyleClass().add("data-sidebar");
        return box;
    }

    private static VBox advanced(DataChoiceViewModel model) {
        TextArea options = new TextArea();
        options.setId("data-options");
        options.getStyleClass().add("options-text");
        options.setPrefRowCount(6);
        options.setWrapText(false);
        options.textProperty().bindBidirectional(model.optionsTextProperty());
        Label hint = styled(new Label("One option a line, e.g. noise = 0.15 or path = flowers.csv. Paths are"
                + " relative to the project's folder."), "muted", "data-hint");
        hint.setWrapText(true);
        Button preview = new Button("Preview");
        preview.setId("data-preview-button");
        preview.setTooltip(new Tooltip("Load the options as typed and show their examples, without changing the"
                + " project"));
        preview.setOnAction(e -> model.previewChoice());
        preview.disableProperty().bind(model.preview().busyProperty());
        return new VBox(8, options, hint, preview);
    }

    /**
     * "✓ In use by this project" under the buttons after "Use for this project", until the choice on screen
     * changes: the lasting mark in the window of what the notification told.
     */
    private static Label confirmation(DataChoiceViewModel model) {
        Label label = styled(new Label("✓ In use by this project"), "data-confirmation");
        label.setId("data-confirmation");
        label.setWrapText(true);
        label.setVisible(false);
        label.managedProperty().bind(label.visibleProperty());
        model.confirmationProperty().addListener((obs, was, is) -> {
            if (!is.isEmpty()) {
                label.setVisible(true);
            }
        });
        model.changedProperty().addListener((obs, was, is) -> {
            if (is) {
                label.setVisible(false);
            }
        });
        model.sourceProperty().addListener((obs, was, is) -> label.setVisible(false));
        model.optionsTextProperty().addListener((obs, was, is) -> label.setVisible(false));
        return label;
    }

    private static final class SourceCell extends ListCell<String> {
        private final DataChoiceViewModel model;

        SourceCell(DataChoiceViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            setText(empty || id == null ? null : model.describe(id));
        }
    }
}
