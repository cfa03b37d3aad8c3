package org.layerloom.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.charts.heatmap.HeatmapView;
import org.layerloom.engine.inspect.Inspection;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.inspect.compute.ActivationFunction;
import org.layerloom.engine.inspect.compute.ActivationWorking;
import org.layerloom.engine.inspect.compute.AttentionWorking;
import org.layerloom.engine.inspect.compute.EmbeddingWorking;
import org.layerloom.engine.inspect.compute.EncoderWorking;
import org.layerloom.engine.inspect.compute.LayerWorking;
import org.layerloom.engine.inspect.compute.MergeWorking;
import org.layerloom.engine.inspect.compute.NormWorking;
import org.layerloom.engine.inspect.compute.PassThroughWorking;
import org.layerloom.engine.inspect.compute.PoolWorking;
import org.layerloom.engine.inspect.compute.PositionalWorking;
import org.layerloom.engine.inspect.compute.SoftmaxWorking;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.inspect.compute.ConvWorking;
import org.layerloom.engine.inspect.compute.DenseWorking;
import org.layerloom.engine.inspect.compute.LossWorking;
import org.layerloom.engine.inspect.compute.RecurrentWorking;
import org.layerloom.engine.look.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicking a layer card opens "How this layer computes" with the engine's numbers for the chosen input:
 * a Dense unit, a Conv2D window, an LSTM's gates and self-attention, on briefly trained real runs (MNIST,
 * labelled sentences), and writes each panel's screenshot in both themes to {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class LayerWorkingViewTest {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "working-test");
        t.setDaemon(true);
        return t;
    });
    private InspectView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new InspectView(background, Platform::runLater, theme);
        scene = new Scene(new StackPane(view), 1280, 800);
        Screenshots.theme(scene, theme, false);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.model().close()).get();
        background.shutdown();
        background.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(() -> view.model()
                .busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(Path run) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.openRun(run)).get();
        settle();
    }

    private void explain(String nodeId) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.model().explainLayer(nodeId)).get();
        settle();
    }

    private LayerComputation shown() {
        return view.model().workingProperty().get();
    }

    private void screenshots(String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, false)).get();
        Screenshots.write(scene, "working-" + name + "-light");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, true)).get();
        Screenshots.write(scene, "working-" + name + "-dark");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, false)).get();
    }

    @Test
    void a_click_on_a_dense_card_shows_its_unit_sum_and_a_conv_window_slides(FxRobot robot) throws Exception {
        open(TrainedRuns.mnistCnn());
        Inspection inspection = view.model().inspectionProperty().get();
        Node denseCard = robot.lookup(".layer-card").match((Node n) -> n.lookupAll(".card-title").stream()
                .anyMatch(l -> ((Label) l).getText().startsWith("Hidden"))).query();
        WaitForAsyncUtils.asyncFx(() -> {
            ScrollPane scroll = (ScrollPane) scene.lookup(".layer-scroll");
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            scroll.setVvalue(denseCard.getBoundsInParent().getMinY() / Math.max(1, content - viewport));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(denseCard);
        settle();

        assertThat(shown().working()).isInstanceOf(DenseWorking.class);
        DenseWorkingView dense = (DenseWorkingView) view.activations().workingPane().body();
        DenseWorking working = (DenseWorking) shown().working();
        int unit = dense.shownUnit();
        float captured = inspection.layer("dense1").orElseThrow().output().value(unit);
        assertThat(working.unit(0, unit).output()).as("the panel's output is the captured activation")
                .isCloseTo(captured, within(1e-5 * Math.max(1, Math.abs(captured))));
        assertThat(robot.lookup(".dense-working .contribution-bar").queryAll()).hasSize(DenseWorkingView.SHOWN);
        screenshots("dense");

        explain("conv2d1");
        ConvWorking conv = (ConvWorking) shown().working();
        ConvWorkingView convView = (ConvWorkingView) view.activations().workingPane().body();
        float[] map = inspection.layer("conv2d1").orElseThrow().output().slice(0).values();
        int strongest = 0;
        for (int i = 1; i < map.length; i++) {
            strongest = map[i] > map[strongest] ? i : strongest;
        }
        int at = strongest;
        WaitForAsyncUtils.asyncFx(() -> convView.showPosition(at)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(conv.window(0, at / conv.outputWidth(), at % conv.outputWidth()).output())
                .as("the window's output is the captured activation").isCloseTo(map[at], within(1e-5 * Math.max(1, map[at])));
        assertThat(robot.lookup(".conv-working .working-matrix").queryAll()).as("patch, kernel, products").hasSize(3);
        screenshots("conv2d");

        explain("output1");
        LossWorking loss = (LossWorking) shown().working();
        assertThat(loss.trueClass()).isEqualTo(view.model().inputProperty().get().trueClass());
        assertThat(loss.value()).isCloseTo(-Math.log(inspection.prediction().probabilities()[loss.trueClass()]),
                within(1e-5));

        robot.clickOn(".working-close");
        settle();
        assertThat(shown()).isNull();
        assertThat(view.activations().getRight()).isNull();
    }

    @Test
    void an_lstm_shows_its_gates_over_the_words_of_a_review(FxRobot robot) throws Exception {
        open(TrainedRuns.sentimentLstm());
        explain("lstm1");
        RecurrentWorking lstm = (RecurrentWorking) shown().working();
        Inspection inspection = view.model().inspectionProperty().get();
        float[] captured = inspection.layer("lstm1").orElseThrow().output().values();
        float[] hidden = lstm.hidden().values();
        for (int i = 0; i < captured.length; i++) {
            assertThat(hidden[i]).isCloseTo(captured[i], within(1e-5f));
        }
        assertThat(robot.lookup(".recurrent-working .heatmap-view").queryAllAs(HeatmapView.class))
                .as("i, f, g, o, c and h").hasSize(6);
        assertThat(shown().tokens()).hasSize(32).doesNotContain("#1");
        WaitForAsyncUtils.asyncFx(() -> ((RecurrentWorkingView) view.activations().workingPane().body())
                .showStep(shown().tokens().lastIndexOf("·") + 2, 5)).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshots("lstm");
    }

    @Test
    void self_attention_shows_each_head_with_the_words_on_its_axes(FxRobot robot) throws Exception {
        open(TrainedRuns.sentimentAttention());
        explain("attention1");
        AttentionWorking attention = (AttentionWorking) shown().working();
        Inspection inspection = view.model().inspectionProperty().get();
        float[] engine = inspection.attention().get(0).head(1);
        float[] panel = attention.weights(1).values();
        for (int i = 0; i < engine.length; i++) {
            assertThat(panel[i]).isCloseTo(engine[i], within(1e-5f));
        }
        assertThat(robot.lookup(".attention-working .heatmap-view").queryAll()).hasSize(2);
        WaitForAsyncUtils.asyncFx(() -> ((AttentionWorkingView) view.activations().workingPane().body())
                .showHead(1, shown().tokens().lastIndexOf("·") + 2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshots("attention");
    }

    /** A tensor of this shape with varied deterministic values in about −1…1. */
    private static FloatTensor tensor(int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) Math.sin(1.7 * i + 0.3);
        }
        return new FloatTensor(shape, values);
    }

    @Test
    void every_other_kind_of_working_gets_a_panel_of_its_numbers() throws Exception {
        InputSample input = new InputSample(new float[] {1, 2, 3, 0}, "test sample 3 (class 1)", 1, 3);
        FloatTensor seq = tensor(4, 4);
        java.util.Map<String, FloatTensor> block = new java.util.HashMap<>();
        block.put("self_attn.in_proj_weight", tensor(12, 4));
        block.put("self_attn.in_proj_bias", tensor(12));
        block.put("self_attn.out_proj.weight", tensor(4, 4));
        block.put("self_attn.out_proj.bias", tensor(4));
        block.put("linear1.weight", tensor(6, 4));
        block.put("linear1.bias", tensor(6));
        block.put("linear2.weight", tensor(4, 6));
        block.put("linear2.bias", tensor(4));
        block.put("norm1.weight", tensor(4));
        block.put("norm1.bias", tensor(4));
        block.put("norm2.weight", tensor(4));
        block.put("norm2.bias", tensor(4));
        FloatTensor positive = new FloatTensor(new int[] {4}, new float[] {0.5f, 1, 2, 4});
        java.util.List<LayerWorking> workings = java.util.List.of(
                new PoolWorking("pool1", LayerKind.MAX_POOL2D, tensor(2, 4, 4), 2, 2, 0),
                new PoolWorking("pool2", LayerKind.AVG_POOL2D, tensor(2, 4, 4), 3, 2, 1),
                new PoolWorking("gap1", LayerKind.GLOBAL_AVG_POOL2D, tensor(2, 4, 4), 0, 1, 0),
                new ActivationWorking("relu1", LayerKind.RELU, new ActivationFunction("relu", 0), tensor(20)),
                new ActivationWorking("sig1", LayerKind.SIGMOID, new ActivationFunction("sigmoid", 0), tensor(20)),
                new SoftmaxWorking("softmax1", tensor(5)),
                new LossWorking("output1", "softmax_cross_entropy", tensor(3), FloatTensor.vector(1)),
                new LossWorking("output1", "mse", tensor(2), FloatTensor.vector(0.5f, 0.25f)),
                new NormWorking("bn1", LayerKind.BATCH_NORM, tensor(4), tensor(4), tensor(4), tensor(4), positive, 1e-5),
                new NormWorking("ln1", LayerKind.LAYER_NORM, seq, tensor(4), tensor(4), null, null, 1e-5),
                new EmbeddingWorking("embedding1", FloatTensor.vector(1, 2, 3, 0), tensor(5, 3)),
                new MergeWorking("add1", LayerKind.ADD, java.util.List.of(tensor(4), tensor(4)), 0),
                new MergeWorking("concat1", LayerKind.CONCATENATE, java.util.List.of(tensor(2), tensor(3)), -1),
                new PositionalWorking("positions1", seq),
                new PassThroughWorking("flatten1", LayerKind.FLATTEN, seq, new int[] {16}),
                RecurrentWorking.run("gru1", LayerKind.GRU, seq, tensor(9, 4), tensor(9, 3), tensor(9), tensor(9),
                        false, true),
                EncoderWorking.run("encoder1", seq, block, 2));
        for (LayerWorking working : workings) {
            LayerComputation computation = new LayerComputation(working.nodeId(), working, java.util.List.of("Before"),
                    java.util.List.of("the", "food", "was", "great"), input);
            Node body = WaitForAsyncUtils.asyncFx(() -> {
                view.activations().workingPane().show(computation);
                return view.activations().workingPane().body();
            }).get();
            assertThat(body).as(working.kind().id()).isNotNull();
            assertThat(body.lookupAll(".working-number")).as(working.kind().id() + " shows numbers")
                    .isNotEmpty();
        }
    }
}
