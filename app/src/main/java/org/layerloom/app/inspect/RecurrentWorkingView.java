package org.layerloom.app.inspect;

import static org.layerloom.app.inspect.WorkingText.heading;
import static org.layerloom.app.inspect.WorkingText.line;
import static org.layerloom.app.inspect.WorkingText.note;
import static org.layerloom.app.inspect.WorkingText.number;
import static org.layerloom.app.inspect.WorkingText.op;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.ColorScale;
import org.layerloom.charts.heatmap.HeatmapView;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.inspect.compute.RecurrentWorking;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A SimpleRNN, LSTM or GRU working: every gate, the cell state (LSTM) and the hidden state as heatmaps
 * over time × unit, the time axis named by the input's words; and for a chosen step and unit each gate's
 * formula with its numbers. JavaFX thread only.
 */
final class RecurrentWorkingView extends VBox {

    private static final String[] GATE_TITLES = {"input gate i", "forget gate f", "candidate g", "output gate o"};
    private static final String[] GRU_TITLES = {"reset gate r", "update gate z", "candidate n"};

    private final LayerComputation computation;
    private final RecurrentWorking working;
    private final Spinner<Integer> step;
    private final Spinner<Integer> unit;
    private final VBox formulas = new VBox(4);

    RecurrentWorkingView(LayerComputation computation, RecurrentWorking working, ObservableValue<Theme> theme) {
        super(8);
        this.computation = computation;
        this.working = working;
        Css.styled(this, "recurrent-working");
        List<String> steps = new ArrayList<>();
        for (int t = 0; t < working.steps(); t++) {
            steps.add(computation.step(t));
        }
        FlowPane maps = new FlowPane(8, 8);
        List<String> names = RecurrentWorking.gateNames(working.kind());
        if (working.kind() != LayerKind.SIMPLE_RNN) {
            for (int g = 0; g < names.size(); g++) {
                String title = working.kind() == LayerKind.LSTM ? GATE_TITLES[g] : GRU_TITLES[g];
                maps.getChildren().add(map(working.gate(g), title, steps, theme, g == 2 && working.kind() == LayerKind.LSTM
                        || g == 2 && working.kind() == LayerKind.GRU));
            }
        }
        if (working.kind() == LayerKind.LSTM) {
            maps.getChildren().add(map(working.cell(), "cell state c", steps, theme, true));
        }
        maps.getChildren().add(map(working.hidden(), "hidden state h", steps, theme, true));
        step = new Spinner<>(1, working.steps(), Math.min(working.steps(), 3));
        step.setPrefWidth(80);
        unit = new Spinner<>(1, working.units(), 1);
        unit.setPrefWidth(80);
        Label word = Css.styled(new Label(), "working-op");
        HBox pick = new HBox(8, new Label("Step"), step, word, new Label("unit"), unit);
        pick.setAlignment(Pos.CENTER_LEFT);
        step.valueProperty().addListener((obs, was, now) -> {
            word.setText("“" + computation.step(now - 1) + "”");
            show();
        });
        unit.valueProperty().addListener((obs, was, now) -> show());
        word.setText("“" + computation.step(step.getValue() - 1) + "”");
        getChildren().addAll(pick, formulas, heading("Over time × unit"), maps);
        show();
    }

    private HeatmapView map(FloatTensor values, String title, List<String> steps, ObservableValue<Theme> theme,
                            boolean signed) {
        HeatmapView map = ThemeColors.follow(new HeatmapView(), theme);
        float[] v = values.values();
        map.setData(values.dim(0), values.dim(1), v, signed ? ColorScale.diverging(1) : ColorScale.sequential(0, 1));
        map.setTitles(title, "", "unit", "");
        map.setLabels(steps, List.of());
        map.setPrefSize(230, Math.min(320, 60 + 13.0 * values.dim(0)));
        return map;
    }

    void showStep(int t, int u) {
        step.getValueFactory().setValue(t + 1);
        unit.getValueFactory().setValue(u + 1);
    }

    private void show() {
        int t = step.getValue() - 1;
        int u = unit.getValue() - 1;
        List<RecurrentWorking.GateStep> gates = working.gates(t, u);
        String at = "unit " + (u + 1) + " at “" + computation.step(t) + "”";
        double hPrev = working.previousHidden(t, u);
        formulas.getChildren().setAll(heading("The gates of " + at));
        for (RecurrentWorking.GateStep g : gates) {
            String fn = g.gate().equals("h") && working.usesRelu() ? "ReLU"
                    : g.gate().equals("g") || g.gate().equals("n") || g.gate().equals("h") ? "tanh" : "σ";
            boolean reset = g.gate().equals("n");
            formulas.getChildren().add(line(op(g.gate() + " = " + fn + "("),
                    number(g.inputPart(), "W·x + b: this step's input (“" + computation.step(t) + "” from "
                            + computation.sourceName() + ") times the input weights of gate " + g.gate() + ", + bias"),
                    op(reset ? "+ r ·" : "+"),
                    number(g.recurrentPart(), "U·h₋₁ + b′: the previous hidden state times the recurrent weights of gate "
                            + g.gate() + ", + bias"),
                    op(") ="), number(g.value(), "gate " + g.gate() + " of " + at)));
        }
        if (working.kind() == LayerKind.LSTM) {
            formulas.getChildren().addAll(
                    line(op("c = f ·"), number(working.previousCell(t, u), "the cell state of the step before"),
                            op("+ i · g ="), number(working.cellAt(t, u), "the new cell state of " + at)),
                    line(op("h = o · tanh(c) ="), number(working.hiddenAt(t, u), "the hidden state of " + at
                            + ", this layer's output there")));
        } else if (working.kind() == LayerKind.GRU) {
            formulas.getChildren().add(line(op("h = (1 − z) · n + z ·"), number(hPrev, "the hidden state of the step"
                    + " before"), op("="), number(working.hiddenAt(t, u), "the hidden state of " + at)));
        } else {
            formulas.getChildren().add(line(op("h ="), number(working.hiddenAt(t, u), "the hidden state of " + at)));
        }
        formulas.getChildren().add(note("σ squeezes into 0…1: a gate near 0 closes, near 1 opens. The hidden state"
                + " starts at zero before the first word."));
    }
}
