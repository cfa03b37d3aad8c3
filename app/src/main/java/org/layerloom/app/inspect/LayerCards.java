package org.layerloom.app.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.ColorScale;
import org.layerloom.charts.heatmap.BarStrip;
import org.layerloom.charts.heatmap.HeatmapView;
import org.layerloom.charts.image.ImageGrid;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.inspect.ActivationLayout;
import org.layerloom.engine.inspect.ArrayStats;
import org.layerloom.engine.inspect.AttentionWeights;
import org.layerloom.engine.inspect.Inspection;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.NodeActivation;

/**
 * Builds one card per layer output for the Activations section: a title with the node's name, kind and
 * shape, a line of statistics (mean, std, fraction of zeros, range) and the picture its layout calls for:
 * feature maps as a grid with a colour scale (the first {@value #MAX_MAPS}), vectors as a bar strip,
 * sequences as a time × unit heatmap, attention as a query × key heatmap per head. Stateless apart from
 * the theme; JavaFX thread only.
 */
final class LayerCards {

    static final int MAX_MAPS = 32;

    private final ObservableValue<Theme> theme;

    LayerCards(ObservableValue<Theme> theme) {
        this.theme = theme;
    }

    /** The card of {@code layer}, one of the layers of {@code inspection}, named as in {@code summary}. */
    Node card(Inspection inspection, NodeActivation layer, RunSummary summary) {
        VBox card = Css.styled(new VBox(6), "inspect-card", "layer-card");
        Label title = Css.styled(new Label(summary.nodeName(layer.nodeId()) + "  ·  " + inspection.kind(layer).id()
                + "  ·  " + shapeText(layer.output().shape())), "card-title");
        Label stats = Css.styled(new Label(statsText(Inspection.stats(layer))), "card-stats");
        card.getChildren().addAll(title, stats);
        picture(layer.output(), inspection.layout(layer)).ifPresent(picture -> {
            if (picture instanceof BarStrip bars) {
                nameBars(bars, inspection.kind(layer), layer.output().values(), summary);
            }
            card.getChildren().add(picture);
        });
        return card;
    }

    /** The cards of one attention node: a query × key heatmap per head. */
    Node attentionCard(AttentionWeights attention, RunSummary summary) {
        VBox card = Css.styled(new VBox(6), "inspect-card", "attention-card");
        card.getChildren().add(Css.styled(new Label(summary.nodeName(attention.nodeId()) + "  ·  attention  ·  "
                + attention.heads() + " heads of " + attention.queries() + " × " + attention.keys()), "card-title"));
        card.getChildren().add(Notes.note("Each row is a query position; its colours show how much it"
                + " attends to every key position (each row sums to 1)."));
        for (int h = 0; h < attention.heads(); h++) {
            HeatmapView map = ThemeColors.follow(new HeatmapView(), theme);
            map.setData(attention.queries(), attention.keys(), attention.head(h), ColorScale.sequential(0, 1));
            map.setTitles("Head " + (h + 1), "query", "key", "weight");
            map.setSquareCells(true);
            map.setPrefHeight(Math.min(320, 90 + 14.0 * attention.queries()));
            card.getChildren().add(map);
        }
        return card;
    }

    private java.util.Optional<Node> picture(FloatTensor output, ActivationLayout layout) {
        int[] shape = output.shape();
        float[] values = output.values();
        switch (layout) {
            case FEATURE_MAPS -> {
                int shown = Math.min(MAX_MAPS, shape[0]);
                List<float[]> maps = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (int c = 0; c < shown; c++) {
                    maps.add(output.slice(c).values());
                    names.add("map " + (c + 1));
                }
                float[] visible = Arrays.copyOf(values, shown * shape[1] * shape[2]);
                ImageGrid grid = ThemeColors.follow(new ImageGrid(), theme);
                grid.setTileSize(shape[1] >= 20 ? 64 : 48);
                grid.setImages(shape[1], shape[2], maps, names, ColorScale.fitting(visible));
                grid.setTitles(shown < shape[0] ? "The first " + shown + " of " + shape[0] + " feature maps"
                        : shape[0] == 1 ? "1 feature map" : shape[0] + " feature maps", "activation");
                return java.util.Optional.of(grid);
            }
            case VECTOR -> {
                BarStrip bars = ThemeColors.follow(new BarStrip(), theme);
                bars.setValues(values, List.of());
                bars.setTitles(values.length + " outputs, one bar per unit", "output");
                return java.util.Optional.of(bars);
            }
            case SEQUENCE -> {
                HeatmapView map = ThemeColors.follow(new HeatmapView(), theme);
                map.setData(shape[0], shape[1], values, ColorScale.fitting(values));
                map.setTitles("", "time step", "unit", "output");
                map.setPrefHeight(Math.min(300, 80 + 10.0 * shape[0]));
                return java.util.Optional.of(map);
            }
            case TOKEN_IDS -> {
                Label ids = Css.styled(new Label(tokenText(values)), "card-stats", "token-ids");
                ids.setWrapText(true);
                return java.util.Optional.of(ids);
            }
            default -> {
                return java.util.Optional.empty();
            }
        }
    }

    /** The input's bars are named x₁, x₂, … (or by the table's columns); a Softmax's values are probabilities. */
    private static void nameBars(BarStrip bars, LayerKind kind, float[] values, RunSummary summary) {
        if (kind == LayerKind.INPUT && !summary.isImage() && !summary.readsTokens() && values.length == summary.size()
                && values.length <= 16) {
            bars.setValues(values, summary.inputNames());
            bars.setTitles(values.length + " input values", "value");
        } else if (kind == LayerKind.SOFTMAX) {
            bars.setValueFormat(Numbers::probability);
            bars.setMaximum(1);
            bars.setTitles(values.length + " probabilities, one bar per class", "probability");
        }
    }

    static String shapeText(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).reduce((a, b) -> a + " × " + b).orElse("scalar");
    }

    static String statsText(ArrayStats s) {
        return String.format(Locale.ROOT, "mean %s   ·   std %s   ·   zeros %s   ·   range %s to %s",
                ColorScale.format(s.mean()), ColorScale.format(s.std()), Numbers.percent(s.zeroFraction()),
                ColorScale.format(s.min()), ColorScale.format(s.max()));
    }

    private static String tokenText(float[] ids) {
        StringBuilder text = new StringBuilder("Token ids: ");
        for (int i = 0; i < ids.length; i++) {
            text.append(i == 0 ? "" : " ").append(Math.round(ids[i]));
        }
        return text.toString();
    }
}
