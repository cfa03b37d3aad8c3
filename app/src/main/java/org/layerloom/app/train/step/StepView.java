package org.layerloom.app.train.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerloom.engine.train.event.BatchStepped;
import org.layerloom.engine.train.event.WeightStep;

/**
 * The Train area's step view: after Step (one batch, then paused) it shows one weight through the optimizer's
 * update, as the engine computed it: its value before, its gradient ∂L/∂w (and the clipping, when it applied), the
 * optimizer's formulas with the numbers filled in ({@link WorkedUpdate}), its value after, and the batch's loss
 * before and after. The student picks the weight by layer parameter and index, or by clicking its cell; the
 * choice is recorded from the next step. JavaFX thread only.
 */
public final class StepView extends ScrollPane {

    private final StepViewModel model;
    private final Label title = new Label();
    private final Label placeholder = new Label("Press Step (F8) to train exactly one batch and pause. This view then"
            + " shows how the optimizer changed one weight, with every number of its formula filled in.");
    private final ComboBox<String> parameter = new ComboBox<>();
    private final HBox indexBox = new HBox(6);
    private final List<Spinner<Integer>> index = new ArrayList<>();
    private final Label hint = new Label();
    private final WeightCellPicker cells = new WeightCellPicker(this::cellClicked);
    private final GridPane worked = new GridPane();

    public StepView(StepViewModel model) {
        this.model = model;
        title.setId("step-title");
        title.getStyleClass().add("step-title");
        placeholder.setId("step-placeholder");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted");
        parameter.setId("step-parameter");
        parameter.setItems(model.parameters());
        parameter.setPromptText("after the first step");
        parameter.valueProperty().addListener((o, was, name) -> buildIndex(name, null));
        indexBox.setAlignment(Pos.CENTER_LEFT);
        Button watch = new Button("Watch");
        watch.setId("step-watch-button");
        watch.setOnAction(e -> chooseFromSpinners());
        watch.disableProperty().bind(parameter.valueProperty().isNull());
        hint.setId("step-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        parameter.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : model.displayName(name);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Label pickTitle = new Label("Watch another weight");
        pickTitle.getStyleClass().add("step-caption");
        FlowPane indexRow = new FlowPane(6, 6, indexBox, watch);
        indexRow.setAlignment(Pos.CENTER_LEFT);
        indexBox.setAlignment(Pos.CENTER_LEFT);
        VBox picker = new VBox(8, pickTitle, parameter, indexRow, cells, hint);
        picker.setId("step-picker");
        picker.getStyleClass().add("step-picker");
        picker.setPrefWidth(380);
        // The picker keeps the width its cell grid needs; the worked update beside it narrows and wraps instead.
        picker.setMinWidth(Region.USE_PREF_SIZE);
        worked.setId("step-worked");
        worked.setHgap(14);
        worked.setVgap(6);
        worked.getStyleClass().add("step-worked");
        worked.setMaxWidth(Double.MAX_VALUE);
        worked.setMinWidth(0);
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        worked.getColumnConstraints().setAll(captions, values);
        HBox body = new HBox(16, worked, picker);
        HBox.setHgrow(worked, Priority.ALWAYS);
        VBox content = new VBox(10, title, placeholder, body);
        content.getStyleClass().add("step-view");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().addAll("dash-scroll", "step-scroll");
        getStylesheets().add(StepView.class.getResource("/org/layerloom/app/train/step.css").toExternalForm());
        model.lastProperty().addListener((o, was, step) -> show(step));
        model.chosenProperty().addListener((o, was, chosen) -> showChoice());
        model.problemProperty().addListener((o, was, problem) -> showHint());
        show(model.lastProperty().get());
    }

    private void show(BatchStepped step) {
        boolean shown = step != null;
        placeholder.setVisible(!shown);
        placeholder.setManaged(!shown);
        title.setVisible(shown);
        title.setManaged(shown);
        worked.setVisible(shown);
        worked.setManaged(shown);
        worked.getChildren().clear();
        if (shown) {
            WeightStep weight = step.weight();
            title.setText("Step " + step.step() + " · epoch " + step.epoch() + ", batch " + step.batch() + " · "
                    + WorkedUpdate.optimizerName(weight));
            fill(step, weight);
        }
        showChoice();
    }

    private void fill(BatchStepped step, WeightStep weight) {
        int row = 0;
        row = add(row, "Weight", model.displayName(weight.parameter()) + " " + indexText(weight), "step-weight");
        row = add(row, "Value before", "w = " + WorkedUpdate.number(weight.valueBefore()), "step-before");
        String gradient = "g = ∂L/∂w = " + WorkedUpdate.number(weight.gradient());
        if (weight.clipped()) {
            gradient += "   (clipped: all gradients together were scaled to a norm of "
                    + WorkedUpdate.number(weight.gradientClip()) + "; before clipping g = "
                    + WorkedUpdate.number(weight.rawGradient()) + ")";
        } else if (weight.gradientClip() > 0) {
            gradient += "   (gradient clipping to a norm of " + WorkedUpdate.number(weight.gradientClip())
                    + " did not apply: the gradients were small enough)";
        }
        row = add(row, "Gradient", gradient, "step-gradient");
        row = add(row, "Learning rate", "η = " + WorkedUpdate.number(clean(weight.learningRate())), "step-rate");
        String settings = settingsText(weight);
        if (!settings.isEmpty()) {
            row = add(row, "Settings", settings, "step-settings");
        }
        if (weight.update() > 0) {
            row = add(row, "Update", "t = " + weight.update() + " (this weight's update number)", "step-update");
        }
        VBox lines = new VBox(4);
        lines.setId("step-lines");
        for (WorkedUpdate.Line line : WorkedUpdate.lines(weight)) {
            Label label = new Label(line.text());
            label.getStyleClass().add("step-formula");
            label.setWrapText(true);
            lines.getChildren().add(label);
        }
        row = add(row, WorkedUpdate.optimizerName(weight), lines);
        double change = weight.valueAfter() - weight.valueBefore();
        // Five digits for the change: the weight is a 32-bit float, so its sixth digit is rounding.
        row = add(row, "Value after", "w′ = " + WorkedUpdate.number(weight.valueAfter()) + "   (changed by "
                + (change > 0 ? "+" : "") + WorkedUpdate.number(change, 5) + ")", "step-after");
        add(row, "Batch loss", WorkedUpdate.number(step.lossBefore()) + " → " + WorkedUpdate.number(step.lossAfter())
                + "   (" + signed(step.lossAfter() - step.lossBefore()) + " on this batch; measured without dropout)",
                "step-loss");
    }

    private int add(int row, String caption, String text, String id) {
        Label value = new Label(text);
        value.setId(id);
        value.setWrapText(true);
        value.getStyleClass().add("step-value");
        return add(row, caption, value);
    }

    private int add(int row, String caption, javafx.scene.Node value) {
        Label name = new Label(caption);
        name.getStyleClass().add("step-caption");
        name.setMinWidth(Region.USE_PREF_SIZE);
        worked.addRow(row, name, value);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        return row + 1;
    }

    private void showChoice() {
        var chosen = model.chosenProperty().get();
        if (chosen != null && !chosen.parameter().equals(parameter.getValue())) {
            parameter.setValue(chosen.parameter());
        }
        if (chosen != null) {
            buildIndex(chosen.parameter(), model.chosenIndex());
        }
        showHint();
    }

    private void showHint() {
        String problem = model.problemProperty().get();
        hint.setText(!problem.isEmpty() ? problem : model.choiceIsPending()
                ? "The next step shows the weight you chose." : model.parameters().isEmpty() ? ""
                : "Pick a weight by its index, or click its cell; the next step shows it.");
    }

    /** Spinners, one per dimension of {@code name}, at {@code at} (or at the chosen index when null). */
    private void buildIndex(String name, int[] at) {
        int[] shape = name == null ? new int[0] : model.shape(name);
        int[] values = at != null && at.length == shape.length ? at : new int[shape.length];
        List<String> names = StepViewModel.dimensionNames(shape.length);
        indexBox.getChildren().clear();
        index.clear();
        for (int d = 0; d < shape.length; d++) {
            Spinner<Integer> spinner = new Spinner<>(0, Math.max(0, shape[d] - 1), values[d]);
            spinner.setId("step-index-" + d);
            spinner.setEditable(true);
            spinner.setPrefWidth(72);
            index.add(spinner);
            Label label = new Label(names.get(d) + " (of " + shape[d] + ")");
            label.getStyleClass().add("toolbar-label");
            indexBox.getChildren().addAll(label, spinner);
        }
        showCells(shape, values, names);
    }

    /** A Dense weight's units across and inputs down; a kernel's rows down and columns across. */
    private void showCells(int[] shape, int[] at, List<String> names) {
        int rank = shape.length;
        if (rank == 2) {
            cells.show(shape[1], shape[0], at[1], at[0], names.get(1), names.get(0));
        } else if (rank > 2) {
            cells.show(shape[rank - 2], shape[rank - 1], at[rank - 2], at[rank - 1], names.get(rank - 2),
                    names.get(rank - 1));
        } else {
            cells.show(0, 0, 0, 0, "", "");
        }
    }

    private void cellClicked(int row, int column) {
        if (index.size() < 2) {
            return;
        }
        boolean dense = index.size() == 2;
        index.get(index.size() - 2).getValueFactory().setValue(dense ? column : row);
        index.get(index.size() - 1).getValueFactory().setValue(dense ? row : column);
        chooseFromSpinners();
    }

    private void chooseFromSpinners() {
        String name = parameter.getValue();
        if (name == null) {
            return;
        }
        int[] at = new int[index.size()];
        for (int d = 0; d < at.length; d++) {
            index.get(d).increment(0); // takes a number typed but not yet confirmed
            at[d] = index.get(d).getValue();
        }
        model.choose(name, at);
    }

    private static String indexText(WeightStep weight) {
        List<String> names = StepViewModel.dimensionNames(weight.index().size());
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < weight.index().size(); d++) {
            parts.add(names.get(d) + " " + weight.index().get(d));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String settingsText(WeightStep weight) {
        Map<String, String> symbols = Map.of("momentum", "μ", "beta1", "β₁", "beta2", "β₂", "epsilon", "ε", "rho", "ρ",
                "weight decay", "λ");
        List<String> parts = new ArrayList<>();
        weight.settings().forEach((name, value) -> {
            String symbol = symbols.get(name);
            if (symbol != null && !(name.equals("weight decay") && value == 0)
                    && !(name.equals("momentum") && value == 0)) {
                parts.add(symbol + " = " + WorkedUpdate.number(clean(value)));
            }
        });
        return String.join(",  ", parts);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + WorkedUpdate.number(value);
    }

    private static double clean(double value) {
        return Double.parseDouble(Float.toString((float) value));
    }
}
