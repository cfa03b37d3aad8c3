package org.layerloom.app.train.settings;

import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * The Train area's training settings panel: one ControlsFX {@link PropertySheet} per group of settings, each value
 * with its range and a one-line explanation under it, and under the schedule a small plot of the learning rate over
 * the epochs. Every change is an undoable step (Edit ▸ Undo, Ctrl+Z) and applies to the next run. Styled by the
 * app's theme ({@code settings.css}). JavaFX thread only.
 */
public final class TrainingSettingsView extends ScrollPane {

    private static final String STYLESHEET = "/org/layerloom/app/train/settings.css";

    private final TrainingSettingsViewModel model;
    private final SchedulePlot plot = new SchedulePlot();

    public TrainingSettingsView(TrainingSettingsViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        Label title = new Label("Training settings");
        title.getStyleClass().add("settings-title");
        Label note = new Label("They apply to the next run and are saved with the project. Each change can be"
                + " undone (Ctrl+Z).");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        VBox content = new VBox(6, title, note);
        content.getStyleClass().add("training-settings");
        for (String group : model.groups()) {
            Label heading = new Label(group);
            heading.getStyleClass().add("settings-group");
            PropertySheet sheet = new WholeSheet(model.items(group));
            sheet.setMode(PropertySheet.Mode.NAME);
            sheet.setModeSwitcherVisible(false);
            sheet.setSearchBoxVisible(false);
            sheet.setPropertyEditorFactory(item -> new SettingEditor((SettingItem) item));
            sheet.getStyleClass().add("settings-sheet");
            sheet.setId("settings-" + group.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
            content.getChildren().addAll(heading, sheet);
            if (group.equals(TrainingSettingFields.SCHEDULE)) {
                plot.setId("schedule-plot");
                content.getChildren().add(plot);
            }
        }
        model.previewProperty().addListener((o, a, b) -> plot.show(b));
        plot.show(model.previewProperty().get());
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("settings-scroll");
        getStylesheets().add(TrainingSettingsView.class.getResource(STYLESHEET).toExternalForm());
    }

    /** A property sheet as tall as its rows: the panel scrolls as a whole, not each sheet on its own. */
    private static final class WholeSheet extends PropertySheet {

        WholeSheet(javafx.collections.ObservableList<PropertySheet.Item> items) {
            super(items);
            setMinHeight(USE_PREF_SIZE);
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL; // the explanations wrap: the height depends on the width
        }

        @Override
        protected double computePrefHeight(double width) {
            if (lookup(".scroll-pane") instanceof ScrollPane scroll && scroll.getContent() != null) {
                double inside = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset()
                        - scroll.snappedLeftInset() - scroll.snappedRightInset();
                double inner = scroll.getContent().prefHeight(inside);
                return inner + snappedTopInset() + snappedBottomInset() + scroll.snappedTopInset()
                        + scroll.snappedBottomInset() + 2;
            }
            return super.computePrefHeight(width);
        }
    }

    public TrainingSettingsViewModel model() {
        return model;
    }

    /** The schedule's plot (for tests and screenshots). */
    public SchedulePlot plot() {
        return plot;
    }
}
