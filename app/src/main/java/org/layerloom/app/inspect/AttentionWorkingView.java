package org.layerloom.app.inspect;

import static org.layerloom.app.inspect.WorkingText.heading;
import static org.layerloom.app.inspect.WorkingText.line;
import static org.layerloom.app.inspect.WorkingText.note;
import static org.layerloom.app.inspect.WorkingText.number;
import static org.layerloom.app.inspect.WorkingText.op;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
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
import org.layerloom.engine.inspect.compute.AttentionWorking;
import org.layerloom.engine.inspect.compute.EncoderWorking;
import org.layerloom.engine.inspect.compute.NormWorking;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * Self-attention's working per head, with the input's words on both axes: the scores Q·Kᵀ/√d, their
 * softmax (each query's row sums to 1), and for a chosen query word the words it attends to most and
 * the × V step. For a Transformer block it adds the residual and normalisation steps around the
 * attention. JavaFX thread only.
 */
final class AttentionWorkingView extends VBox {

    private static final int TOP = 3;

    private final LayerComputation computation;
    private final AttentionWorking attention;
    private final EncoderWorking encoder;
    private final ObservableValue<Theme> theme;
    private final Spinner<Integer> head;
    private final Spinner<Integer> query;
    private final FlowPane maps = new FlowPane(8, 8);
    private final VBox formulas = new VBox(4);
    private final List<String> words = new ArrayList<>();

    AttentionWorkingView(LayerComputation computation, AttentionWorking attention, EncoderWorking encoder,
                         ObservableValue<Theme> theme) {
        super(8);
        this.computation = computation;
        this.attention = attention;
        this.encoder = encoder;
        this.theme = theme;
        Css.styled(this, "attention-working");
        for (int t = 0; t < attention.steps(); t++) {
            words.add(computation.step(t));
        }
        head = new Spinner<>(1, attention.heads(), 1);
        head.setPrefWidth(80);
        int first = Math.max(0, words.indexOf(words.stream().filter(w -> !w.equals("·")).findFirst().orElse("")));
        query = new Spinner<>(1, attention.steps(), first + 1);
        query.setPrefWidth(80);
        Label word = Css.styled(new Label("“" + words.get(first) + "”"), "working-op");
        HBox pick = new HBox(8, new Label("Head"), head, new Label("query word"), query, word);
        pick.setAlignment(Pos.CENTER_LEFT);
        head.valueProperty().addListener((obs, was, now) -> show());
        query.valueProperty().addListener((obs, was, now) -> {
            word.setText("“" + words.get(now - 1) + "”");
            show();
        });
        getChildren().addAll(pick, formulas, maps);
        show();
    }

    void showHead(int h, int q) {
        head.getValueFactory().setValue(h + 1);
        query.getValueFactory().setValue(q + 1);
    }

    private void show() {
        int h = head.getValue() - 1;
        int q = query.getValue() - 1;
        FloatTensor scores = attention.scores(h);
        FloatTensor weights = attention.weights(h);
        float[] s = scores.values();
        float limit = 0;
        for (float v : s) {
            limit = Math.max(limit, Math.abs(v));
        }
        maps.getChildren().setAll(
                map(s, ColorScale.diverging(Math.max(limit, 1e-6)), "Head " + (h + 1) + ": Q·Kᵀ/√" + attention.headSize()),
                map(weights.values(), ColorScale.sequential(0, Math.max(largest(weights.values()), 1e-6)),
                        "softmax → attention weights (each row sums to 1)"));
        int n = attention.steps();
        String qWord = "“" + words.get(q) + "”";
        List<Integer> order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(j -> -weights.value(q * n + j))).toList();
        formulas.getChildren().setAll(heading("What " + qWord + " takes from the other words (head " + (h + 1) + ")"));
        for (int i = 0; i < Math.min(TOP, n); i++) {
            int j = order.get(i);
            formulas.getChildren().add(line(op("“" + words.get(j) + "”: score"),
                    number(scores.value(q * n + j), "the query of " + qWord + " · the key of “" + words.get(j)
                            + "”, divided by √" + attention.headSize()),
                    op("→ weight"), number(weights.value(q * n + j), "e^score / Σ e^score over the " + n
                            + " words of " + qWord + "'s row")));
        }
        FloatTensor context = attention.context(h);
        formulas.getChildren().add(line(op("× V: feature 1 of this head's output at " + qWord + " = Σ weight · v ="),
                number(context.value(q * attention.headSize()), "the attention weights of " + qWord
                        + " times the value vectors' first feature, summed")));
        formulas.getChildren().add(note("The heads' outputs are joined side by side and mixed by the output"
                + " projection into the layer's output."));
        if (encoder != null) {
            addBlockSteps(q, qWord);
        }
    }

    private void addBlockSteps(int q, String qWord) {
        NormWorking first = encoder.firstNorm();
        NormWorking second = encoder.secondNorm();
        int features = encoder.input().dim(1);
        int at = q * features;
        NormWorking.Step a = first.step(at);
        NormWorking.Step b = second.step(at);
        formulas.getChildren().addAll(heading("Around the attention, at " + qWord + ", feature 1"),
                line(op("residual: x ="), number(encoder.input().value(at), "the block's input at " + qWord),
                        op("+ attention ="), number(encoder.attention().output().value(at), "the attention output"),
                        op("="), number(a.x(), "x + attention")),
                line(op("LayerNorm: (· −"), number(a.mean(), "the mean of the " + features + " features at " + qWord),
                        op(") / √("), number(a.variance(), "their variance"), op("+ ε) ="),
                        number(a.normalised(), "the normalised value"), op("× γ + β ="),
                        number(a.output(), "z, after the first normalisation")),
                line(op("feed-forward: W₂·ReLU(W₁·z + b₁) + b₂ ="),
                        number(encoder.feedForward2().output().value(at), "the feed-forward layers' output"),
                        op("; + z, LayerNorm ="), number(b.output(), "the block's output at " + qWord + ", feature 1")));
    }

    private static float largest(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private HeatmapView map(float[] values, ColorScale scale, String title) {
        HeatmapView map = ThemeColors.follow(new HeatmapView(), theme);
        int n = attention.steps();
        map.setData(n, n, values, scale);
        map.setTitles(title, "query", "key", "");
        map.setLabels(words, words);
        map.setSquareCells(true);
        map.setPrefSize(580, Math.min(560, 90 + 15.0 * n));
        return map;
    }
}
