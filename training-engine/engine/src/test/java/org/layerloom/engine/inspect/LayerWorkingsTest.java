package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.inspect.compute.ActivationWorking;
import org.layerloom.engine.inspect.compute.AttentionWorking;
import org.layerloom.engine.inspect.compute.ConvWorking;
import org.layerloom.engine.inspect.compute.DenseWorking;
import org.layerloom.engine.inspect.compute.EncoderWorking;
import org.layerloom.engine.inspect.compute.LayerWorking;
import org.layerloom.engine.inspect.compute.LossWorking;
import org.layerloom.engine.inspect.compute.NormWorking;
import org.layerloom.engine.inspect.compute.PoolWorking;
import org.layerloom.engine.inspect.compute.RecurrentWorking;
import org.layerloom.engine.inspect.compute.SoftmaxWorking;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * Every layer kind's working, recomputed in plain Java from the weights and the captured input, equals
 * the output the compiled network captured for real examples (an MNIST digit, an Iris flower, an Amazon
 * review), and the numbers the panel shows for one unit, window, gate or head add up to that output.
 *
 * <p>Tolerance: float32 has a 6e-8 relative rounding step; a sum of n products rounded in a different
 * order (DJL's kernels against our double sums) differs by about √n of those steps (under 2e-6 for the
 * 784-input Dense), and chains of up to a few such layers inside a Transformer block or a recurrent step
 * add a few more; 1e-5 relative to max(1, |value|) leaves room for that and nothing more.
 */
class LayerWorkingsTest {

    private static final double TOLERANCE = 1e-5;

    /**
     * The kernels the product computes on (it chooses them before any inspection): run alone, this class
     * otherwise compared libtorch's raw defaults, whose inference LSTM is 0.015 off on an AMD EPYC of family 26.
     */
    @BeforeAll
    static void chooseKernels() {
        KernelGuard.ensure();
    }

    /** Input(1,28,28) → Conv2D → BatchNorm → MaxPool; + Conv2D (Add) → AvgPool → GAP ‖ Flatten → Dense → … */
    static NetworkGraph imageNetwork() {
        GraphBuilder b = new GraphBuilder();
        String in = b.input(TensorShape.of(1, 28, 28));
        String conv = b.add(LayerKind.CONV2D, "filters", 4, "kernel", 3, "padding", 1, "activation", "relu");
        String bn = b.add(LayerKind.BATCH_NORM);
        String max = b.add(LayerKind.MAX_POOL2D, "pool", 2, "stride", 2);
        String conv2 = b.add(LayerKind.CONV2D, "filters", 4, "kernel", 3, "padding", 1, "activation", "none");
        String add = b.add(LayerKind.ADD);
        String avg = b.add(LayerKind.AVG_POOL2D, "pool", 3, "stride", 2, "padding", 1);
        String ln = b.add(LayerKind.LAYER_NORM);
        String gap = b.add(LayerKind.GLOBAL_AVG_POOL2D);
        String flat = b.add(LayerKind.FLATTEN);
        String dense = b.add(LayerKind.DENSE, "units", 8, "activation", "gelu");
        String cat = b.add(LayerKind.CONCATENATE, "axis", -1);
        String scores = b.add(LayerKind.DENSE, "units", 10, "activation", "none");
        String out = b.add(LayerKind.OUTPUT, "loss", "softmax_cross_entropy");
        b.chain(in, conv, bn, max, conv2, add, avg, ln, gap, cat, scores, out).wire(max, add).chain(ln, flat, dense, cat);
        return b.build();
    }

    /** Iris (4) → Dense → every activation layer → Dropout → BatchNorm → LayerNorm → Softmax → Dense(3). */
    static NetworkGraph tableNetwork() {
        return GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 16, "activation", "none"),
                GraphBuilder.layer(LayerKind.RELU),
                GraphBuilder.layer(LayerKind.DENSE, "units", 12, "activation", "tanh"),
                GraphBuilder.layer(LayerKind.LEAKY_RELU, "alpha", 0.2),
                GraphBuilder.layer(LayerKind.ELU, "alpha", 0.7),
                GraphBuilder.layer(LayerKind.GELU),
                GraphBuilder.layer(LayerKind.DENSE, "units", 12, "activation", "leaky_relu"),
                GraphBuilder.layer(LayerKind.SIGMOID),
                GraphBuilder.layer(LayerKind.DENSE, "units", 10, "activation", "elu"),
                GraphBuilder.layer(LayerKind.TANH),
                GraphBuilder.layer(LayerKind.DROPOUT, "rate", 0.5),
                GraphBuilder.layer(LayerKind.BATCH_NORM),
                GraphBuilder.layer(LayerKind.LAYER_NORM),
                GraphBuilder.layer(LayerKind.DENSE, "units", 8, "activation", "sigmoid"),
                GraphBuilder.layer(LayerKind.SOFTMAX),
                GraphBuilder.layer(LayerKind.DENSE, "units", 3, "activation", "none"));
    }

    /** A review's word ids (12) → Embedding → positions → attention → Transformer → LSTM → GRU → Conv1D → RNN … */
    static NetworkGraph textNetwork() {
        return GraphBuilder.chainOf(TensorShape.tokens(12), "sigmoid_binary_cross_entropy",
                GraphBuilder.layer(LayerKind.EMBEDDING, "vocabulary", 300, "dimension", 8),
                GraphBuilder.layer(LayerKind.POSITIONAL_ENCODING),
                GraphBuilder.layer(LayerKind.SELF_ATTENTION, "heads", 2),
                GraphBuilder.layer(LayerKind.TRANSFORMER_ENCODER, "heads", 2, "feed_forward", 16),
                GraphBuilder.layer(LayerKind.LSTM, "units", 6, "return_sequences", true),
                GraphBuilder.layer(LayerKind.GRU, "units", 5, "return_sequences", true),
                GraphBuilder.layer(LayerKind.CONV1D, "filters", 4, "kernel", 3, "padding", 1, "activation", "relu"),
                GraphBuilder.layer(LayerKind.SIMPLE_RNN, "units", 4),
                GraphBuilder.layer(LayerKind.RESHAPE, "target", new int[] {2, 2}),
                GraphBuilder.layer(LayerKind.FLATTEN),
                GraphBuilder.layer(LayerKind.DENSE, "units", 1, "activation", "none"));
    }

    @Test
    void the_three_networks_hold_every_layer_kind() {
        Set<LayerKind> kinds = EnumSet.noneOf(LayerKind.class);
        Stream.of(imageNetwork(), tableNetwork(), textNetwork()).flatMap(g -> g.nodes().stream())
                .map(Node::kind).forEach(kinds::add);
        assertThat(kinds).containsExactlyInAnyOrder(LayerKind.values());
    }

    @Test
    void every_image_layer_working_equals_the_captured_output_of_an_mnist_digit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(imageNetwork(), TensorShape.of(1, 28, 28), manager);
            String bn = ToyNetworks.id(model, LayerKind.BATCH_NORM, 0);
            ToyNetworks.set(model, bn, "runningMean", new float[] {0.3f, -0.2f, 0.1f, 0.5f});
            ToyNetworks.set(model, bn, "runningVar", new float[] {0.5f, 2f, 0.25f, 1.5f});
            Inspection inspection = new Inspector(model).inspect(RealExamples.mnistImage(0));
            LayerExplainer explainer = new LayerExplainer(model);
            assertEveryWorkingMatches(model, inspection, explainer);

            String convId = ToyNetworks.id(model, LayerKind.CONV2D, 0);
            ConvWorking conv = (ConvWorking) explainer.explain(inspection, convId);
            FloatTensor captured = inspection.layer(convId).orElseThrow().output();
            ConvWorking.Window window = conv.window(2, 14, 9);
            assertThat(window.channels()).hasSize(1);
            assertThat(window.sum()).isCloseTo(window.channels().get(0).sum(), within(0.0));
            assertThat(window.output()).isCloseTo(captured.value((2 * 28 + 14) * 28 + 9), within(TOLERANCE));
            ConvWorking.Window corner = conv.window(0, 0, 0);
            assertThat(corner.channels().get(0).patch()[0]).containsExactly(0, 0, 0); // the padding row

            String maxId = ToyNetworks.id(model, LayerKind.MAX_POOL2D, 0);
            PoolWorking.Window pool = ((PoolWorking) explainer.explain(inspection, maxId)).window(1, 7, 7);
            assertThat(pool.values()[pool.winnerRow()][pool.winnerColumn()]).isEqualTo(pool.result());
            for (double[] row : pool.values()) {
                for (double v : row) {
                    assertThat(v).isLessThanOrEqualTo(pool.result());
                }
            }

            NormWorking norm = (NormWorking) explainer.explain(inspection, bn);
            NormWorking.Step step = norm.step(3 * 784 + 300);
            assertThat(step.mean()).isCloseTo(0.5, within(1e-7));
            assertThat(step.variance()).isCloseTo(1.5, within(1e-7));

            String hidden = ToyNetworks.id(model, LayerKind.DENSE, 0);
            DenseWorking dense = (DenseWorking) explainer.explain(inspection, hidden);
            DenseWorking.UnitSum unit = dense.unit(0, 5);
            assertThat(unit.contributions()).hasSize(196);
            assertThat(Math.abs(unit.contributions().get(0).product()))
                    .isGreaterThanOrEqualTo(Math.abs(unit.contributions().get(195).product()));
            assertThat(unit.contributions().stream().mapToDouble(DenseWorking.Contribution::product).sum())
                    .isCloseTo(unit.sum(), within(1e-9));
            assertThat(unit.output()).isCloseTo(inspection.layer(hidden).orElseThrow().output().value(5),
                    within(TOLERANCE));

            LossWorking loss = explainer.explainLoss(inspection, new float[] {7});
            assertThat(loss.value()).isCloseTo(djlLoss(model, manager, inspection, new float[] {7}),
                    within(TOLERANCE));
            assertThat(loss.value()).isCloseTo(-Math.log(loss.probabilities()[7]), within(1e-12));
        }
    }

    @Test
    void every_table_layer_working_equals_the_captured_output_of_an_iris_flower() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(tableNetwork(), TensorShape.of(4), manager);
            String bn = ToyNetworks.id(model, LayerKind.BATCH_NORM, 0);
            float[] mean = new float[10];
            float[] var = new float[10];
            for (int i = 0; i < 10; i++) {
                mean[i] = 0.1f * i - 0.3f;
                var[i] = 0.2f + 0.15f * i;
            }
            ToyNetworks.set(model, bn, "runningMean", mean);
            ToyNetworks.set(model, bn, "runningVar", var);
            Inspection inspection = new Inspector(model).inspect(RealExamples.irisRow(60));
            LayerExplainer explainer = new LayerExplainer(model);
            assertEveryWorkingMatches(model, inspection, explainer);

            SoftmaxWorking softmax = (SoftmaxWorking) explainer.explain(inspection,
                    ToyNetworks.id(model, LayerKind.SOFTMAX, 0));
            SoftmaxWorking.Row row = softmax.row(0);
            assertThat(row.exps()[3] / row.sum()).isCloseTo(row.probabilities()[3], within(1e-12));

            ActivationWorking relu = (ActivationWorking) explainer.explain(inspection,
                    ToyNetworks.id(model, LayerKind.RELU, 0));
            long negatives = java.util.stream.IntStream.range(0, 16)
                    .filter(i -> inspection.layer(model.block().nodeIds().get(1)).orElseThrow().output().value(i) <= 0)
                    .count();
            assertThat(relu.flatCount()).isEqualTo((int) negatives);

            LossWorking loss = explainer.explainLoss(inspection, new float[] {1});
            assertThat(loss.value()).isCloseTo(djlLoss(model, manager, inspection, new float[] {1}), within(TOLERANCE));
        }
    }

    @Test
    void every_text_layer_working_equals_the_captured_output_of_a_review() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(textNetwork(), TensorShape.tokens(12), manager);
            int[] ids = RealExamples.sentenceIds(1, 12, 300);
            assertThat(java.util.Arrays.stream(ids).filter(id -> id > 0).count()).isGreaterThan(3);
            Inspection inspection = new Inspector(model).inspect(ids);
            LayerExplainer explainer = new LayerExplainer(model);
            assertEveryWorkingMatches(model, inspection, explainer);

            String attentionId = ToyNetworks.id(model, LayerKind.SELF_ATTENTION, 0);
            AttentionWorking attention = (AttentionWorking) explainer.explain(inspection, attentionId);
            AttentionWeights engine = inspection.attention().stream().filter(a -> a.nodeId().equals(attentionId))
                    .findFirst().orElseThrow();
            for (int h = 0; h < 2; h++) {
                assertClose(attentionId + " head " + h, attention.weights(h).values(), engine.head(h));
            }
            String encoderId = ToyNetworks.id(model, LayerKind.TRANSFORMER_ENCODER, 0);
            EncoderWorking encoder = (EncoderWorking) explainer.explain(inspection, encoderId);
            AttentionWeights encoderEngine = inspection.attention().stream()
                    .filter(a -> a.nodeId().equals(encoderId)).findFirst().orElseThrow();
            assertClose(encoderId + " head 1", encoder.attention().weights(1).values(), encoderEngine.head(1));

            RecurrentWorking lstm = (RecurrentWorking) explainer.explain(inspection,
                    ToyNetworks.id(model, LayerKind.LSTM, 0));
            List<RecurrentWorking.GateStep> gates = lstm.gates(4, 2);
            assertThat(gates).extracting(RecurrentWorking.GateStep::gate).containsExactly("i", "f", "g", "o");
            double c = gates.get(1).value() * lstm.previousCell(4, 2) + gates.get(0).value() * gates.get(2).value();
            assertThat(lstm.cellAt(4, 2)).isCloseTo(c, within(1e-12));
            assertThat(lstm.hiddenAt(4, 2)).isCloseTo(gates.get(3).value() * Math.tanh(c), within(1e-12));
            assertThat(gates.get(0).value()).isCloseTo(
                    1 / (1 + Math.exp(-(gates.get(0).inputPart() + gates.get(0).recurrentPart()))), within(1e-12));

            LossWorking loss = explainer.explainLoss(inspection, new float[] {1});
            assertThat(loss.value()).isCloseTo(djlLoss(model, manager, inspection, new float[] {1}), within(TOLERANCE));
        }
    }

    private static void assertEveryWorkingMatches(InspectedModel model, Inspection inspection,
                                                  LayerExplainer explainer) {
        for (String id : model.block().nodeIds()) {
            LayerKind kind = model.node(id).kind();
            if (kind == LayerKind.INPUT || kind == LayerKind.OUTPUT) {
                continue;
            }
            LayerWorking working = explainer.explain(inspection, id);
            assertThat(working.kind()).isEqualTo(kind);
            FloatTensor captured = inspection.layer(id).orElseThrow().output();
            FloatTensor recomputed = working.output();
            assertThat(recomputed.shape()).as(id).containsExactly(captured.shape());
            assertClose(id + " (" + kind.id() + ")", recomputed.values(), captured.values());
            double worst = 0;
            for (int i = 0; i < captured.size(); i++) {
                worst = Math.max(worst, Math.abs(recomputed.value(i) - captured.value(i))
                        / Math.max(1, Math.abs(captured.value(i))));
            }
            System.out.printf(java.util.Locale.ROOT, "working %-12s %-24s largest difference %.2e%n", id, kind.id(),
                    worst);
        }
    }

    private static void assertClose(String what, float[] recomputed, float[] captured) {
        assertThat(recomputed).as(what).hasSameSizeAs(captured);
        for (int i = 0; i < captured.length; i++) {
            double allowed = TOLERANCE * Math.max(1, Math.abs(captured[i]));
            assertThat((double) recomputed[i]).as("%s, value %d", what, i).isCloseTo(captured[i], within(allowed));
        }
    }

    /** The engine's own loss (the DJL loss the trainer uses) of the inspected example. */
    private static double djlLoss(InspectedModel model, NDManager manager, Inspection inspection, float[] target) {
        try (NDManager scope = manager.newSubManager()) {
            float[] scores = inspection.prediction().outputs();
            NDArray prediction = scope.create(scores).reshape(1, scores.length);
            NDArray label = scope.create(target).reshape(1, target.length);
            return model.lossSpec().newLoss().evaluate(new NDList(label), new NDList(prediction)).getFloat();
        }
    }
}
