package org.layerloom.app.train;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.RunGuidance;
import org.layerloom.engine.train.history.RunSummary;

/**
 * "Learn from a run": asks which saved run teaches the next run of the project (one of the project's runs, or a
 * run folder of another project, e.g. a bigger network's), the temperature T and the teacher's weight α, with the
 * loss written out. The run it asks for is an ordinary run with its charts (knowledge distillation). JavaFX
 * thread only.
 */
final class TeacherDialog extends Dialog<RunGuidance.Teacher> {

    /** A run that can teach: its folder, with what the list shows. */
    record Candidate(Path folder, String label) {
    }

    private final ComboBox<Candidate> runs = new ComboBox<>();
    private final Spinner<Double> temperature = new Spinner<>(0.5, 20, 4, 0.5);
    private final Slider alpha = new Slider(0, 1, 0.9);
    private final Path startFolder;

    /** @param startFolder where "Another project's run…" starts looking (the project's folder), or null */
    TeacherDialog(List<RunSummary> projectRuns, Path startFolder, Window owner) {
        this.startFolder = startFolder;
        setTitle("Learn from a run");
        setHeaderText("Train a new run that learns from a trained network's answers as well as from the labels");
        initOwner(owner);
        getDialogPane().setId("teacher-dialog");
        runs.setId("teacher-run");
        runs.setItems(FXCollections.observableArrayList(projectRuns.stream()
                .filter(r -> "completed".equals(r.status()) || "stopped".equals(r.status()))
                .map(TeacherDialog::candidate).toList()));
        runs.setConverter(new StringConverter<>() {
            @Override
            public String toString(Candidate c) {
                return c == null ? "" : c.label();
            }

            @Override
            public Candidate fromString(String text) {
                return null;
            }
        });
        runs.setPromptText("Choose the teacher run");
        runs.setPrefWidth(400);
        Button other = new Button("Another project's run…");
        other.setId("teacher-folder-button");
        other.setTooltip(new Tooltip("Choose a run folder, e.g. in the .runs folder beside a bigger network's project."));
        other.setOnAction(e -> chooseFolder(owner));

        temperature.setId("teacher-temperature");
        temperature.setEditable(true);
        temperature.setPrefWidth(90);
        temperature.setTooltip(new Tooltip("T softens both networks' answers: at 1 they are the usual probabilities;"
                + " higher T shows more of which wrong classes the teacher finds alike."));
        alpha.setId("teacher-alpha");
        alpha.setShowTickLabels(true);
        alpha.setMajorTickUnit(0.25);
        alpha.setPrefWidth(220);
        Label alphaValue = new Label();
        alphaValue.textProperty().bind(alpha.valueProperty().asString(Locale.ROOT, "%.2f"));
        Label formula = new Label();
        formula.setId("teacher-formula");
        formula.setWrapText(true);
        formula.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "The new run minimises  %.2f · T² · KL(teacher ‖ student, both softened at T = %.1f)  +  %.2f ·"
                        + " cross-entropy with the labels. The teacher's answers come from its saved weights, on"
                        + " the same batches; only the student learns. Validation and test use the labels alone, so"
                        + " runs stay comparable.", alpha.getValue(), temperature.getValue(), 1 - alpha.getValue()),
                alpha.valueProperty(), temperature.valueProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        other.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(0, rowLabel("Teacher"), new HBox(8, runs, other));
        grid.addRow(1, rowLabel("Temperature T"), temperature);
        grid.addRow(2, rowLabel("Teacher's weight α"), new HBox(8, alpha, alphaValue));
        VBox content = new VBox(12, grid, formula);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(800);
        getDialogPane().setContent(content);
        ButtonType train = new ButtonType("Train with this teacher", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, train);
        getDialogPane().lookupButton(train).disableProperty().bind(runs.valueProperty().isNull());
        setResultConverter(button -> button == train && runs.getValue() != null
                ? new RunGuidance.Teacher(runs.getValue().folder(), temperature.getValue(), alpha.getValue()) : null);
    }

    private static Label rowLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** Shows the dialog and waits; the teacher chosen, or empty when cancelled. */
    static Optional<RunGuidance.Teacher> ask(List<RunSummary> projectRuns, Path startFolder, Window owner) {
        return new TeacherDialog(projectRuns, startFolder, owner).showAndWait();
    }

    private void chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the teacher's run folder");
        // Beside the project: the other projects' NAME.runs folders are usually there.
        Candidate current = runs.getValue();
        Path near = current != null && current.folder().getParent() != null ? current.folder().getParent().getParent()
                : startFolder;
        if (near != null && near.toFile().isDirectory()) {
            chooser.setInitialDirectory(near.toFile());
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            Path folder = chosen.toPath();
            Path runsFolder = folder.getParent();
            String project = runsFolder == null ? "" : runsFolder.getFileName().toString().replaceAll("\\.runs$", "");
            Candidate candidate = new Candidate(folder, folder.getFileName() + (project.isEmpty() ? ""
                    : " (project " + project + ")"));
            runs.getItems().add(0, candidate);
            runs.setValue(candidate);
        }
    }

    private static Candidate candidate(RunSummary run) {
        String accuracy = Double.isNaN(run.testAccuracy()) ? "" : ", test accuracy "
                + Numbers.percent(run.testAccuracy(), 1);
        return new Candidate(run.folder(), run.id() + " (" + Numbers.count(run.parameters()) + " parameters"
                + accuracy + ")");
    }
}
