package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.bench.BenchNetwork;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * The check that lets a network's training batches run on oneDNN: which convolutions it runs and with which
 * shapes ({@link GraphBlock#convolutionCalls}), and that a difference between the two kernels in any value it
 * compares refuses oneDNN, naming the layer. The real engine computes; a stand-in plays the second kernel, so the
 * test means the same on every processor.
 */
class ConvolutionKernelCheckTest {

    private NDManager manager;
    private GraphBlock cnn;

    @BeforeEach
    void open() {
        Engine.getInstance();
        manager = NDManager.newBaseManager();
        cnn = GraphCompiler.standard().compile(BenchNetwork.CNN.graph());
        cnn.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void the_benchmark_cnn_runs_two_convolutions_and_only_the_second_needs_its_input_gradient() {
        List<GraphBlock.ConvolutionCall> calls = cnn.convolutionCalls(new Shape(64, 1, 28, 28));

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).input()).isEqualTo(new Shape(64, 1, 28, 28));
        assertThat(calls.get(0).inputGradient()).as("the images need no gradient").isFalse();
        assertThat(calls.get(1).input()).isEqualTo(new Shape(64, 32, 13, 13));
        assertThat(calls.get(1).inputGradient()).as("the first convolution trains").isTrue();
    }

    @Test
    void kernels_that_agree_let_the_batches_run_on_onednn() {
        Recording same = new Recording(-1);

        Optional<ConvolutionKernelCheck.Result> result = ConvolutionKernelCheck.check(cnn, manager, 64, 60_000, same);

        assertThat(result).hasValueSatisfying(r -> assertThat(r.agrees()).isTrue());
        assertThat(same.sizes).as("output, weight and bias gradients; the second also its input's")
                .containsExactly(3, 4, 3, 4);
    }

    @Test
    void a_wrong_gradient_refuses_onednn_and_names_the_layer_and_the_batch() {
        Recording wrong = new Recording(3);

        Optional<ConvolutionKernelCheck.Result> result = ConvolutionKernelCheck.check(cnn, manager, 64, 60_000, wrong);

        assertThat(result).hasValueSatisfying(r -> {
            assertThat(r.agrees()).isFalse();
            assertThat(r.firstDifference()).contains("conv2d").contains("(64, 32, 13, 13)")
                    .contains("the gradient of the input is not a number");
        });
    }

    @Test
    void the_last_shorter_batch_is_checked_too() {
        Recording same = new Recording(-1);

        ConvolutionKernelCheck.check(cnn, manager, 64, 1000, same);

        assertThat(same.sizes).as("batches of 64 and the last one of 40: two convolutions each").hasSize(4);
    }

    @Test
    void a_layer_that_onednn_would_compute_unchecked_keeps_the_batches_off_onednn() {
        var conv = layer(LayerKind.CONV2D, "filters", 4, "kernel", 3);
        var flatten = layer(LayerKind.FLATTEN);
        var classes = layer(LayerKind.DENSE, "units", 10);
        for (var layers : List.of(List.of(conv, layer(LayerKind.GELU), flatten, classes),
                List.of(conv, flatten, layer(LayerKind.DENSE, "units", 8, "activation", "gelu"), classes))) {
            GraphBlock gelu = GraphCompiler.standard().compile(GraphBuilder.chainOf(TensorShape.of(1, 28, 28),
                    "softmax_cross_entropy", layers.toArray(GraphBuilder.LayerSpec[]::new)));
            gelu.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            Recording same = new Recording(-1);

            Optional<ConvolutionKernelCheck.Result> result = ConvolutionKernelCheck.check(gelu, manager, 64, 640, same);

            assertThat(result).hasValueSatisfying(r -> {
                assertThat(r.agrees()).isFalse();
                assertThat(r.firstDifference()).contains("GELU");
            });
            assertThat(same.sizes).as("no convolution was run").isEmpty();
        }
        assertThat(cnn.offOneDnn()).isEmpty();
    }

    /** Runs the check twice on libtorch's kernels; the second run's value {@code spoiled} gets NaN at one place. */
    private static final class Recording implements ConvolutionKernelCheck.TwoKernels {
        final int spoiled;
        final List<Integer> sizes = new ArrayList<>();

        Recording(int spoiled) {
            this.spoiled = spoiled;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<List<T>> bothWays(Supplier<T> check) {
            T plain = check.get();
            T other = check.get();
            List<float[]> values = (List<float[]>) other;
            sizes.add(values.size());
            if (spoiled >= 0 && spoiled < values.size()) {
                values.get(spoiled)[0] = Float.NaN;
            }
            return Optional.of(List.of(plain, other));
        }
    }
}
