package org.layerloom.app.inspect;

import static org.layerloom.app.inspect.WorkingText.heading;
import static org.layerloom.app.inspect.WorkingText.line;
import static org.layerloom.app.inspect.WorkingText.matrix;
import static org.layerloom.app.inspect.WorkingText.note;
import static org.layerloom.app.inspect.WorkingText.number;
import static org.layerloom.app.inspect.WorkingText.op;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.layerloom.app.ui.Css;
import org.layerloom.engine.look.Theme;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.ColorScale;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.inspect.compute.ConvWorking;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A convolution's working: pick a filter, and its kernel slides over the input. A slider (or the play
 * button) moves the window; the panel shows the input channel with the window on it, the patch ⊙ kernel =
 * products of the chosen input channel, each channel's sum, + b and the activation, and fills the output
 * map in position by position. JavaFX thread only.
 */
final class ConvWorkingView extends VBox {

    private final LayerComputation computation;
    private final ConvWorking working;
    private final Spinner<Integer> filter;
    private final Spinner<Integer> channel;
    private final Slider position;
    private final Button play = Css.styled(new Button("▶ Play"), "play-window");
    private final Timeline timeline;
    private final WindowMap inputMap;
    private final WindowMap outputMap;
    private final VBox body = new VBox(6);
    private final Label where = Css.styled(new Label(), "working-op");
    private FloatTensor output;

    ConvWorkingView(LayerComputation computation, ConvWorking working, ObservableValue<Theme> theme) {
        super(8);
        this.computation = computation;
        this.working = working;
        Css.styled(this, "conv-working");
        output = working.output();
        filter = new Spinner<>(1, working.filters(), 1);
        filter.setPrefWidth(80);
        channel = new Spinner<>(1, working.channels(), 1);
        channel.setPrefWidth(80);
        int positions = working.outputHeight() * working.outputWidth();
        position = Css.styled(new Slider(0, positions - 1, positions / 2), "window-position");
        position.setBlockIncrement(1);
        position.setMajorTickUnit(1);
        position.setSnapToTicks(true);
        position.setPrefWidth(220);
        inputMap = ThemeColors.follow(new WindowMap(), theme);
        outputMap = ThemeColors.follow(new WindowMap(), theme);
        timeline = new Timeline(new KeyFrame(Duration.millis(120), e -> step()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        play.setOnAction(e -> togglePlay());
        sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                timeline.stop();
            }
        });
        HBox pick = new HBox(8, new Label("Filter"), filter);
        if (working.channels() > 1) {
            pick.getChildren().addAll(new Label("input channel"), channel);
        }
        pick.setAlignment(Pos.CENTER_LEFT);
        HBox slide = new HBox(8, new Label("Window"), position, play, where);
        slide.setAlignment(Pos.CENTER_LEFT);
        HBox maps = new HBox(12, inputMap, outputMap);
        filter.valueProperty().addListener((obs, was, now) -> show());
        channel.valueProperty().addListener((obs, was, now) -> show());
        position.valueProperty().addListener((obs, was, now) -> show());
        getChildren().addAll(pick, slide, maps, body);
        show();
    }

    private void togglePlay() {
        if (timeline.getStatus() == Timeline.Status.RUNNING) {
            timeline.stop();
            play.setText("▶ Play");
        } else {
            if (position.getValue() >= position.getMax()) {
                position.setValue(0);
            }
            timeline.play();
            play.setText("⏸ Pause");
        }
    }

    private void step() {
        if (position.getValue() >= position.getMax()) {
            timeline.stop();
            play.setText("▶ Play");
        } else {
            position.setValue(position.getValue() + 1);
        }
    }

    /** Moves the window to output position {@code index} (row by row). */
    void showPosition(int index) {
        position.setValue(index);
    }

    private void show() {
        int f = filter.getValue() - 1;
        int c = channel.getValue() - 1;
        int at = (int) Math.round(position.getValue());
        int r = at / working.outputWidth();
        int k = at % working.outputWidth();
        ConvWorking.Window window = working.window(f, r, k);
        boolean conv2d = working.kind() == LayerKind.CONV2D;
        where.setText(conv2d ? "row " + (r + 1) + ", column " + (k + 1) : computation.step(k));
        int h = working.inputHeight();
        int w = working.inputWidth();
        float[] channelValues = new float[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                channelValues[i * w + j] = (float) working.inputAt(c, i, j);
            }
        }
        inputMap.setMap(h, w, channelValues, ColorScale.fitting(channelValues), "Input channel " + (c + 1));
        inputMap.setWindow(window.top(), window.left(), working.kernelHeight(), working.kernelWidth());
        int oh = working.outputHeight();
        int ow = working.outputWidth();
        float[] map = new float[oh * ow];
        for (int i = 0; i < map.length; i++) {
            map[i] = conv2d ? output.value(f * oh * ow + i) : output.value(i * working.filters() + f);
        }
        outputMap.setMap(oh, ow, map, ColorScale.fitting(map), "Output map of filter " + (f + 1));
        outputMap.setWindow(r, k, 1, 1);
        outputMap.setFilled(at + 1);

        String node = computation.nodeName();
        ConvWorking.ChannelWindow part = window.channels().get(c);
        FlowPane grids = new FlowPane(8, 6,
                matrix(part.patch(), (i, j) -> inputSource(c, window.top() + i, window.left() + j), -1, -1),
                op("⊙"),
                matrix(part.kernel(), (i, j) -> "weight (" + (i + 1) + ", " + (j + 1) + ") of filter " + (f + 1)
                        + "'s kernel for input channel " + (c + 1) + " of " + node + ", learned", -1, -1),
                op("="),
                matrix(part.products(), (i, j) -> "patch value × kernel weight at (" + (i + 1) + ", " + (j + 1) + ")",
                        -1, -1));
        body.getChildren().setAll(heading("Patch ⊙ kernel, input channel " + (c + 1)), grids,
                line(op("sum of channel " + (c + 1) + " ="), number(part.sum(), "the sum of the products above")));
        if (working.channels() > 1) {
            FlowPane sums = line(op("Σ over all " + working.channels() + " channels ="));
            sums.getChildren().add(number(window.sum(), "the sums of every input channel's products, added"));
            body.getChildren().add(sums);
        }
        body.getChildren().addAll(
                line(op("+ b ="), number(window.bias(), "the bias of filter " + (f + 1) + " of " + node + ", learned"),
                        op("→ z ="), number(window.preActivation(), "all products summed, + b")),
                window.output() == window.preActivation() && working.activation().isIdentity()
                        ? line(op("output ="), number(window.output(), "z, the output map's value here"))
                        : line(op(working.activation().name() + "(z) ="), number(window.output(),
                        "the output map's value at this position, as the network computed it for "
                                + computation.input().description())),
                note("Play slides the window over the input; each stop fills in one more value of the output map."));
    }

    private String inputSource(int c, int row, int column) {
        if (row < 0 || column < 0 || row >= working.inputHeight() || column >= working.inputWidth()) {
            return "padding: a zero added around the input";
        }
        String at = working.kind() == LayerKind.CONV2D ? "row " + (row + 1) + ", column " + (column + 1)
                : computation.step(column);
        return "channel " + (c + 1) + " of " + computation.sourceName() + " at " + at + ", for "
                + computation.input().description();
    }
}
