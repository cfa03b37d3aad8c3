package org.layerloom.app.data;

import static org.layerloom.app.ui.Css.styled;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Data area: on the left, the project's dataset (source and options) with Preview and "Use for this
 * project"; on the right, the {@link DataPreviewView} of the choice (samples, class counts, the data doctor).
 * Observes a {@link DataChoiceViewModel}; JavaFX thread only.
 */
public final class DataAreaView extends BorderPane {

    public DataAreaView(DataChoiceViewModel model) {
        setId("data-area");
        getStyleClass().add("data-area");
        setCenter(new DataPreviewView(model.preview()));
        setLeft(chooser(model));
        visibleProperty().addListener((obs, was, is) -> model.setShown(is));
    }

    private static VBox chooser(DataChoiceViewModel model) {
        Label heading = styled(new Label("Dataset"), "sidebar-heading");
        ObservableList<String> ids = FXCollections.observableArrayList(model.sourceIds());
        ComboBox<String> source = new ComboBox<>(ids);
        source.setId("data-source");
        source.setMaxWidth(Double.MAX_VALUE);
        source.setCellFactory(list -> new SourceCell(model));
        source.setButtonCell(new SourceCell(model));
        source.setValue(model.sourceProperty().get());
        source.valueProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.sourceProperty().set(is);
            }
        });
        model.sourceProperty().addListener((obs, was, is) -> {
            if (is != null && !ids.contains(is)) {
                ids.add(is);
            }
            source.setValue(is);
        });
        Label optionsHeading = styled(new Label("Options"), "sidebar-heading");
        TextArea options = new TextArea();
        options.setId("data-options");
        options.getStyleClass().add("options-text");
        options.setPrefRowCount(6);
        options.setWrapText(false);
        options.textProperty().bindBidirectional(model.optionsTextProperty());
        Label hint = styled(new Label("One option a line, e.g. noise = 0.15 or path = flowers.csv. Paths are"
                + " relative to the project's folder."), "muted", "data-hint");
        hint.setWrapText(true);
        Label message = styled(new Label(), "start-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Button preview = new Button("Preview");
        preview.setId("data-preview-button");
        preview.setTooltip(new Tooltip("Load this choice and show its examples, without changing the project"));
        preview.setOnAction(e -> model.previewChoice());
        preview.disableProperty().bind(model.preview().busyProperty());
        Button use = styled(new Button("Use for this project"), "accent-button");
        use.setId("data-use-button");
        use.setTooltip(new Tooltip("Store this dataset in the project and save it"));
        use.disableProperty().bind(model.changedProperty().not());
        use.setOnAction(e -> model.useForProject());
        Button revert = new Button("Revert");
        revert.setId("data-revert-button");
        revert.disableProperty().bind(model.changedProperty().not());
        revert.setOnAction(e -> model.revert());
        HBox buttons = new HBox(8, preview, revert);
        VBox box = new VBox(10, heading, source, optionsHeading, options, hint, message, buttons, use);
        use.setMaxWidth(Double.MAX_VALUE);
        box.getStyleClass().add("data-sidebar");
        return box;
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
