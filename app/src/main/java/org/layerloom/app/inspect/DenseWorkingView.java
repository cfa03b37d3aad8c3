package org.layerloom.app.inspect;

import static org.layerloom.app.inspect.WorkingText.heading;
import static org.layerloom.app.inspect.WorkingText.indexed;
import static org.layerloom.app.inspect.WorkingText.line;
import static org.layerloom.app.inspect.WorkingText.note;
import static org.layerloom.app.inspect.WorkingText.number;
import static org.layerloom.app.inspect.WorkingText.op;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.engine.inspect.compute.DenseWorking;

/**
 * A Dense layer's working for one unit: the inputs × weights as contribution bars sorted by size (the
 * largest {@value #SHOWN} named, the rest summed), then the sum, + b, and the activation giving the
 * output. The unit (and, on a sequence, the step) is picked with spinners. JavaFX thread only.
 */
final class DenseWorkingView extends VBox {

    static final int SHOWN = 10;
    private static final double BAR_WIDTH = 170;

    private final LayerComputation computation;
    private final DenseWorking working;
    private final Spinner<Integer> unit;
    private final Spinner<Integer> row;
    private final VBox body = new VBox(6);

    DenseWorkingView(LayerComputation computation, DenseWorking working) {
        super(8);
        this.computation = computation;
        this.working = working;
        Css.styled(this, "dense-working");
        unit = new Spinner<>(1, working.units(), strongestUnit() + 1);
        unit.setEditable(true);
        unit.setPrefWidth(90);
        row = new Spinner<>(1, working.rows(), 1);
        row.setPrefWidth(90);
        HBox pick = new HBox(8, new Label("Unit"), unit);
        pick.setAlignment(Pos.CENTER_LEFT);
        if (working.rows() > 1) {
            pick.getChildren().addAll(new Label("step"), row);
        }
        unit.valueProperty().addListener((obs, was, now) -> show());
        row.valueProperty().addListener((obs, was, now) -> show());
        getChildren().addAll(pick, body);
        show();
    }

    /** The unit with the largest output for the first row: the one most worth a look. */
    private int strongestUnit() {
        float[] out = working.output().values();
        int best = 0;
        for (int u = 1; u < working.units(); u++) {
            if (Math.abs(out[u]) > Math.abs(out[best])) {
                best = u;
            }
        }
        return best;
    }

    int shownUnit() {
        return unit.getValue() - 1;
    }

    void showUnit(int index) {
        unit.getValueFactory().setValue(index + 1);
    }

    private void show() {
        int r = row.getValue() - 1;
        int u = unit.getValue() - 1;
        DenseWorking.UnitSum sum = working.unit(r, u);
        String where = working.rows() > 1 ? " at " + computation.step(r) : "";
        String node = computation.nodeName();
        body.getChildren().setAll(heading("Unit " + (u + 1) + ": each input × its weight" + where));
        List<DenseWorking.Contribution> parts = sum.contributions();
        double largest = parts.isEmpty() ? 1 : Math.max(1e-12, Math.abs(parts.get(0).product()));
        for (int i = 0; i < Math.min(SHOWN, parts.size()); i++) {
            body.getChildren().add(bar(parts.get(i), largest, u, node));
        }
        if (parts.size() > SHOWN) {
            double rest = 0;
            for (int i = SHOWN; i < parts.size(); i++) {
                rest += parts.get(i).product();
            }
            body.getChildren().add(line(op("+ the other " + (parts.size() - SHOWN) + " smaller terms together"),
                    number(rest, "the sum of the " + (parts.size() - SHOWN) + " products not drawn above")));
        }
        String f = sum.activation().name();
        body.getChildren().addAll(
                line(op("Σ xᵢ·wᵢ ="), number(sum.sum(), "the sum of all " + parts.size() + " products xᵢ·wᵢ"),
                        op("+ b ="), number(sum.bias(), "the bias of unit " + (u + 1) + " of " + node + ", learned"),
                        op("→ z ="), number(sum.preActivation(), "Σ xᵢ·wᵢ + b, before the activation")),
                sum.activation().isIdentity()
                        ? line(op("no activation: output y ="), number(sum.output(), "z itself, unit " + (u + 1)
                        + " of " + node + "'s output"))
                        : line(op(f + "(z) = " + sum.activation().formula("z") + " ="),
                        number(sum.output(), "the output of unit " + (u + 1) + " of " + node + " for "
                                + computation.input().description())),
                note("The bars are sorted by size: long bars to the right push the unit up, to the left push it"
                        + " down. Hover a number to see where it comes from."));
    }

    private HBox bar(DenseWorking.Contribution c, double largest, int u, String node) {
        String name = indexed("x", c.input() + 1);
        Label x = number(c.x(), name + " = output " + (c.input() + 1) + " of " + computation.sourceName() + " for "
                + computation.input().description());
        Label w = number(c.w(), "the weight from input " + (c.input() + 1) + " to unit " + (u + 1) + " of " + node
                + ", learned in training");
        Label product = number(c.product(), name + " × w");
        HBox names = new HBox(3, Css.styled(new Label(name), "working-op"), op("="), x, op("× w ="), w);
        names.setMinWidth(210);
        names.setPrefWidth(210);
        names.setAlignment(Pos.CENTER_LEFT);
        double length = BAR_WIDTH / 2 * Math.abs(c.product()) / largest;
        Region fill = Css.styled(new Region(), "contribution-bar", c.product() >= 0 ? "positive" : "negative");
        fill.setMinSize(length, 12);
        fill.setMaxSize(length, 12);
        HBox track = Css.styled(new HBox(), "contribution-track");
        track.setMinWidth(BAR_WIDTH);
        track.setMaxWidth(BAR_WIDTH);
        Region half = new Region();
        half.setMinWidth(c.product() >= 0 ? BAR_WIDTH / 2 : BAR_WIDTH / 2 - length);
        track.getChildren().addAll(half, fill);
        track.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox(6, names, track, product);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
