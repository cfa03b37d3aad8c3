package org.layerloom.app.settings;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.layerloom.app.workspace.Settings;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.train.EngineInfo;

/**
 * The Settings dialog: theme, font size, default device (with what the engine detects), engine threads,
 * the dataset cache folder and the autosave interval. Returns the new settings when the student presses
 * OK; a value the settings refuse is shown with its reason and the dialog stays open. JavaFX thread only.
 */
public final class SettingsDialog extends Dialog<Settings> {

    public SettingsDialog(Window owner, Settings current, Optional<EngineInfo> engine) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("LayerLoom settings");
        ChoiceBox<Theme> theme = new ChoiceBox<>(FXCollections.observableArrayList(Theme.values()));
        theme.setValue(current.theme());
        theme.setConverter(names(t -> t == Theme.LIGHT ? "Light" : "Dark"));
        theme.setId("settings-theme");
        Spinner<Integer> font = new Spinner<>(Settings.MIN_FONT, Settings.MAX_FONT, current.fontSize());
        font.setEditable(true);
        font.setId("settings-font-size");
        ChoiceBox<DeviceChoice> device = new ChoiceBox<>(FXCollections.observableArrayList(DeviceChoice.values()));
        device.setValue(current.device());
        device.setConverter(names(d -> switch (d) {
            case AUTO -> "Automatic (GPU if there is one)";
            case CPU -> "CPU";
            case GPU -> "GPU";
        }));
        Label detected = new Label(engine.map(e -> "Detected: " + e.describe()
                + (e.gpus() == 0 ? " (no GPU: see the README for using an NVIDIA GPU)" : ""))
                .orElse("The engine is still loading; the devices show here once it is ready."));
        detected.getStyleClass().add("muted");
        detected.setWrapText(true);
        Spinner<Integer> threads = new Spinner<>(0, 256, current.threads());
        threads.setEditable(true);
        Label threadsHelp = new Label("0 = automatic: one thread for small networks, every core for large ones.");
        threadsHelp.getStyleClass().add("muted");
        TextField cache = new TextField(current.datasetCache().toString());
        HBox.setHgrow(cache, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for downloaded datasets");
            File chosen = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                cache.setText(chosen.getAbsolutePath());
            }
        });
        Spinner<Integer> autosave = new Spinner<>(Settings.MIN_AUTOSAVE, Settings.MAX_AUTOSAVE,
                current.autosaveSeconds(), 5);
        autosave.setEditable(true);
        Label error = new Label();
        error.getStyleClass().add("start-message");
        error.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
        threadsHelp.setWrapText(true);
        int row = 0;
        grid.addRow(row++, new Label("Theme"), theme);
        grid.addRow(row++, new Label("Font size"), font);
        grid.addRow(row++, new Label("Device"), device);
        grid.add(detected, 1, row++);
        grid.addRow(row++, new Label("Engine threads"), threads);
        grid.add(threadsHelp, 1, row++);
        grid.addRow(row++, new Label("Dataset cache"), new HBox(6, cache, browse));
        grid.addRow(row++, new Label("Autosave every (s)"), autosave);
        grid.add(error, 0, row, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setPrefWidth(640);

        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            try {
                read(current, theme, font, device, threads, cache, autosave);
                error.setText("");
            } catch (RuntimeException e) {
                error.setText(e.getMessage());
                event.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK
                ? read(current, theme, font, device, threads, cache, autosave) : null);
    }

    private static Settings read(Settings current, ChoiceBox<Theme> theme, Spinner<Integer> font,
                                 ChoiceBox<DeviceChoice> device, Spinner<Integer> threads, TextField cache,
                                 Spinner<Integer> autosave) {
        if (cache.getText().isBlank()) {
            throw new IllegalArgumentException("Choose a folder for downloaded datasets.");
        }
        return current.withTheme(theme.getValue()).withFontSize(number(font, "font size"))
                .withDevice(device.getValue()).withThreads(number(threads, "threads"))
                .withDatasetCache(Path.of(cache.getText().trim())).withAutosaveSeconds(number(autosave, "autosave"));
    }

    private static int number(Spinner<Integer> spinner, String what) {
        String text = spinner.getEditor().getText().trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + what + " must be a whole number, not '" + text + "'.");
        }
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
