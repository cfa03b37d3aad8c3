package org.layerloom.app.inspect;

import static org.layerloom.app.inspect.WorkingText.heading;
import static org.layerloom.app.inspect.WorkingText.indexed;
import static org.layerloom.app.inspect.WorkingText.line;
import static org.layerloom.app.inspect.WorkingText.matrix;
import static org.layerloom.app.inspect.WorkingText.note;
import static org.layerloom.app.inspect.WorkingText.number;
import static org.layerloom.app.inspect.WorkingText.op;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.inspect.compute.ActivationWorking;
import org.layerloom.engine.inspect.compute.EmbeddingWorking;
import org.layerloom.engine.inspect.compute.LossWorking;
import org.layerloom.engine.inspect.compute.MergeWorking;
import org.layerloom.engine.inspect.compute.NormWorking;
import org.layerloom.engine.inspect.compute.PassThroughWorking;
import org.layerloom.engine.inspect.compute.PoolWorking;
import org.layerloom.engine.inspect.compute.PositionalWorking;
import org.layerloom.engine.inspect.compute.SoftmaxWorking;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * The workings of the simpler layers, each as a few lines or a small table of the engine's numbers:
 * pooling windows, activation curves, softmax, losses, normalisation, embedding look-ups, merges,
 * positional encoding and the layers that only move numbers. Stateless; JavaFX thread only.
 */
final class SmallWorkingViews {

    private static final int ROWS = 8;

    private SmallWorkingViews() {
    }

    static Node pool(LayerComputation c, PoolWorking w) {
        VBox box = Css.styled(new VBox(6), "pool-working");
        int best = 0;
        FloatTensor out = w.output();
        int area = w.outputHeight() * w.outputWidth();
        for (int i = 0; i < area; i++) {
            if (out.value(i) > out.value(best)) {
                best = i;
            }
        }
        PoolWorking.Window win = w.window(0, best / w.outputWidth(), best % w.outputWidth());
        boolean max = w.kind() == LayerKind.MAX_POOL2D;
        box.getChildren().addAll(heading("Channel 1, the window of its strongest output (row " + (win.row() + 1)
                        + ", column " + (win.column() + 1) + ")"),
                matrix(win.values(), (i, j) -> "channel 1 of " + c.sourceName() + " at row " + (win.top() + i + 1)
                        + ", column " + (win.left() + j + 1), win.winnerRow(), win.winnerColumn()),
                line(op(max ? "the largest value wins →" : "the mean of the window →"),
                        number(win.result(), "this window's output, as the network computed it")),
                note(max ? "The marked cell is the winner; the others are dropped." : w.kind() == LayerKind.AVG_POOL2D
                        ? "Padding zeros count in the mean, as in PyTorch." : "One mean per feature map."));
        return box;
    }

    static Node activation(LayerComputation c, ActivationWorking w, ObservableValue<Theme> theme) {
        ActivationCurve curve = ThemeColors.follow(new ActivationCurve(), theme);
        curve.setWorking(w);
        int flat = w.flatCount();
        String flatText = switch (w.function().name()) {
            case "relu" -> flat + " of " + w.input().size() + " inputs are ≤ 0: those units output 0 (dead here).";
            case "sigmoid", "tanh" -> flat + " of " + w.input().size() + " inputs lie beyond ±"
                    + (int) ActivationWorking.SATURATION + ", where the curve is flat (saturated).";
            default -> "Every dot is one of this layer's " + w.input().size() + " inputs for "
                    + c.input().description() + ".";
        };
        double[] first = w.point(0);
        return new VBox(6, line(op("f(x) = " + w.function().formula())), curve, note(flatText),
                line(op("for example " + indexed("x", 1) + " ="), number(first[0], "input 1, from " + c.sourceName()),
                        op("→ f(x) ="), number(first[1], "output 1 of " + c.nodeName())));
    }

    static Node softmax(LayerComputation c, SoftmaxWorking w) {
        SoftmaxWorking.Row row = w.row(0);
        GridPane table = Css.styled(new GridPane(), "working-table");
        table.setHgap(14);
        table.setVgap(3);
        table.addRow(0, op(""), op("logit z"), op("e^z"), op("÷ Σ e^z = p"));
        for (int i = 0; i < Math.min(row.logits().length, 16); i++) {
            table.addRow(i + 1, op(indexed("z", i + 1)), number(row.logits()[i], "input " + (i + 1) + ", from "
                            + c.sourceName()), number(row.exps()[i], "e to the power of the logit"),
                    number(row.probabilities()[i], "e^z divided by the sum " + WorkingText.format(row.sum())));
        }
        return new VBox(6, line(op("Σ e^z ="), number(row.sum(), "the sum of the e^z column")), table);
    }

    static Node loss(LayerComputation c, LossWorking w) {
        VBox box = new VBox(6);
        switch (w.loss()) {
            case "softmax_cross_entropy", "sigmoid_binary_cross_entropy" -> {
                double[] p = w.probabilities();
                int y = w.trueClass();
                boolean known = c.input().trueClass() >= 0;
                box.getChildren().addAll(line(op("true class " + y + (known ? "" : " (unknown: the predicted one)")
                                + ": p ="), number(p[y], "the probability the network gives class " + y)),
                        line(op("L = −log p ="), number(w.value(), "the loss of " + c.input().description())));
            }
            default -> {
                double[] d = w.differences();
                for (int i = 0; i < Math.min(ROWS, d.length); i++) {
                    box.getChildren().add(line(op(indexed("ŷ", i + 1) + " −" + indexed(" y", i + 1) + " ="),
                            number(d[i], "prediction minus target")));
                }
                box.getChildren().add(line(op(w.loss().equals("mse") ? "L = mean((ŷ − y)²) =" : "L = mean(|ŷ − y|) ="),
                        number(w.value(), "the loss of this example")));
            }
        }
        return box;
    }

    static Node norm(LayerComputation c, NormWorking w) {
        VBox box = new VBox(6);
        boolean batch = w.kind() == LayerKind.BATCH_NORM;
        box.getChildren().add(note(batch ? "At inference BatchNorm uses the running mean and variance it kept while"
                + " training." : "LayerNorm uses the mean and variance of this example's own values."));
        for (int i = 0; i < Math.min(4, w.input().size()); i++) {
            NormWorking.Step s = w.step(i);
            box.getChildren().add(line(op("(" + indexed("x", i + 1) + " ="), number(s.x(), "value " + (i + 1) + " from "
                            + c.sourceName()), op("−"), number(s.mean(), batch ? "the running mean, learned"
                            : "the mean of the row"), op(") / √("), number(s.variance(), batch
                            ? "the running variance, learned" : "the variance of the row"), op("+ ε) ="),
                    number(s.normalised(), "the normalised value"), op("× γ"), number(s.gamma(), "γ, learned"),
                    op("+ β"), number(s.beta(), "β, learned"), op("="), number(s.output(), "the output")));
        }
        return box;
    }

    static Node embedding(LayerComputation c, EmbeddingWorking w) {
        VBox box = new VBox(4, heading("Each word looks up its row of the table"));
        for (int t = 0; t < Math.min(ROWS, w.ids().size()); t++) {
            float[] row = w.row(t);
            Label head = op("“" + c.step(t) + "” → id " + w.id(t) + " → row");
            Node[] parts = new Node[Math.min(6, row.length) + 1];
            parts[0] = head;
            for (int d = 0; d < parts.length - 1; d++) {
                parts[d + 1] = number(row[d], "entry " + (d + 1) + " of row " + w.id(t) + " of the learned table");
            }
            box.getChildren().add(line(parts));
        }
        return box;
    }

    static Node merge(LayerComputation c, MergeWorking w) {
        VBox box = new VBox(4);
        FloatTensor out = w.output();
        for (int i = 0; i < Math.min(4, out.size()); i++) {
            List<Node> parts = new java.util.ArrayList<>();
            if (w.kind() == LayerKind.ADD) {
                for (int k = 0; k < w.operands().size(); k++) {
                    String from = k < c.sourceNames().size() ? c.sourceNames().get(k) : "input " + (k + 1);
                    parts.add(number(w.operands().get(k).value(i), "value " + (i + 1) + " of " + from));
                    parts.add(op(k + 1 < w.operands().size() ? "+" : "="));
                }
            } else {
                parts.add(op("value " + (i + 1) + " ="));
            }
            parts.add(number(out.value(i), "value " + (i + 1) + " of " + c.nodeName()));
            box.getChildren().add(line(parts.toArray(Node[]::new)));
        }
        if (w.kind() == LayerKind.CONCATENATE) {
            box.getChildren().add(note("The inputs " + String.join(", ", c.sourceNames())
                    + " are placed side by side, in this order."));
        }
        return box;
    }

    static Node positional(LayerComputation c, PositionalWorking w) {
        VBox box = new VBox(4);
        FloatTensor out = w.output();
        int f = w.input().dim(1);
        for (int t = 0; t < Math.min(4, w.input().dim(0)); t++) {
            box.getChildren().add(line(op("“" + c.step(t) + "”, feature 1:"), number(w.input().value(t * f),
                    "from " + c.sourceName()), op("+ sin(" + t + ") ="), number(w.signal(t, 0), "the position signal"),
                    op("="), number(out.value(t * f), "the output")));
        }
        return box;
    }

    static Node passThrough(LayerComputation c, PassThroughWorking w) {
        Label text = note(w.kind() == LayerKind.DROPOUT
                ? "Dropout drops nothing when the network is used: the output equals the input."
                : "The same " + w.input().size() + " numbers, in the same order, arranged as "
                        + LayerCards.shapeText(w.outputShape()) + ".");
        Node[] first = new Node[Math.min(6, w.input().size()) + 1];
        first[0] = op("the first values:");
        for (int i = 1; i < first.length; i++) {
            first[i] = number(w.input().value(i - 1), "value " + i + " of " + c.sourceName() + ", passed on unchanged");
        }
        return new VBox(6, text, line(first));
    }
}
