package org.layerloom.engine.inspect.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.event.ActivationsCaptured;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.TrainingEvent;

class HealthProbeTest {

    /** Input(2) → Dense(3, ReLU) → Output, with W = [[1, 0], [0, 0], [1, 1]], b = [0, −1, 0]. */
    @Test
    void gradient_norm_update_ratio_dead_units_and_histogram_by_hand() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {2}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 3, "activation", "relu"));
        try (NDManager manager = NDManager.newBaseManager()) {
            // As on the training worker: autograd records only inside a GradientCollector.
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
            EngineSeed.set(1);
            GraphBlock block = GraphCompiler.standard().compile(graph);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            String dense = block.nodeIds().get(1);
            NDArray w = parameter(block, dense, "weight");
            NDArray b = parameter(block, dense, "bias");
            w.set(FloatBuffer.wrap(new float[] {1, 0, 0, 0, 1, 1}));
            b.set(FloatBuffer.wrap(new float[] {0, -1, 0}));
            NDArray probe = manager.create(new float[] {1, 2, 3, 1}, new Shape(2, 2));
            HealthProbe health = new HealthProbe(block, graph, new InspectionSettings(1, false, 2, 4, true), probe,
                    manager);
            float lr = 0.01f;
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = scope.create(new float[] {1, 2}, new Shape(1, 2));
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), true).head();
                    // d(sum of outputs)/dW: x for the two active units (0 and 2), 0 for the dead one; db: 1, 0, 1
                    collector.backward(out.sum());
                }
                health.afterBackward(scope);
                for (NDArray p : new NDArray[] {w, b}) {
                    try (NDArray g = p.getGradient(); NDArray step = g.mul(lr)) {
                        p.subi(step);
                    }
                }
                health.afterStep(scope);
                List<TrainingEvent> events = health.capture(1, 1, 1, scope);
                LayerHealth layer = ((LayerHealthCaptured) events.get(0)).layers().get(0);
                double gradNorm = Math.sqrt(2 * (1 + 4) + 2);
                assertThat(layer.nodeId()).isEqualTo(dense);
                assertThat(layer.activation()).isEqualTo("relu");
                assertThat(layer.gradientNorm()).isCloseTo(gradNorm, within(1e-6));
                double weightNorm = Math.sqrt(1 + 1 + 1 + 1); // before the step: W has three ones, b one −1
                assertThat(layer.updateRatio()).isCloseTo(lr * gradNorm / weightNorm, within(1e-6));
                assertThat(layer.weightNorm()).isCloseTo(weightNorm, within(1e-6));
                // After the step the probe outputs relu(W'x + b'): unit 1 stays below zero for both examples.
                assertThat(layer.deadFraction()).isCloseTo(1 / 3.0, within(1e-9));
                assertThat(layer.zeroFraction()).isCloseTo(2 / 6.0, within(1e-9));
                assertThat(layer.saturatedFraction()).isNaN();
                assertThat(layer.weights().counts()).hasSize(4);
                assertThat(java.util.Arrays.stream(layer.weights().counts()).sum()).isEqualTo(9);
                assertThat(layer.weights().min()).isCloseTo(-1f - lr * 0, within(1e-6f));
                ActivationsCaptured thumbnails = (ActivationsCaptured) events.get(1);
                assertThat(thumbnails.nodes()).hasSize(3);
                assertThat(thumbnails.nodes().get(0).output().values()).containsExactly(1, 2);
            }
            assertThat(probe.isReleased()).isFalse();
        }
    }

    private static NDArray parameter(GraphBlock block, String nodeId, String suffix) {
        for (Pair<String, Parameter> pair : block.nodeBlock(nodeId).orElseThrow().getParameters()) {
            if (pair.getKey().endsWith(suffix)) {
                return pair.getValue().getArray();
            }
        }
        throw new IllegalArgumentException(suffix);
    }
}
