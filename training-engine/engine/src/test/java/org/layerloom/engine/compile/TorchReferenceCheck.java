package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.testing.torch.Closeness;
import org.layerloom.engine.testing.torch.ReferenceAssert;
import org.layerloom.engine.testing.torch.TorchFixture;
import org.layerloom.engine.train.GradientLock;

/**
 * Runs one {@link ReferenceCase} in LayerLoom and compares it with PyTorch's arrays: the compiled
 * {@link GraphBlock} gets the fixture's weights through {@link TorchStateDict}, runs the fixture's input
 * (in training or inference mode, as the case says) inside a gradient collector, and its output, the
 * gradient of {@code sum(output · R)} with respect to the input and to every parameter, and BatchNorm's
 * running statistics after a training pass must equal PyTorch's within {@link Closeness#ATOL} +
 * {@link Closeness#RTOL}·|PyTorch|. Every comparison goes through {@link ReferenceAssert}. The whole run is
 * repeated {@link #REPEATS} times on fresh blocks, because one known kernel fault shows only now and then.
 * One test thread.
 */
final class TorchReferenceCheck {

    static final int REPEATS = 3;

    private static final String PARAM = "param:";
    private static final String GRAD = "grad:";
    private static final String AFTER = "after:";

    private TorchReferenceCheck() {
    }

    /** Checks {@code testCase}, adding the differences of every repeat to {@code worst} (also on failure). */
    static void check(ReferenceCase testCase, NDManager parent, WorstByKind.Worst worst) {
        NetworkGraph graph = testCase.graph();
        for (int repeat = 1; repeat <= REPEATS; repeat++) {
            try (NDManager manager = parent.newSubManager()) {
                runOnce(testCase, graph, manager, repeat, worst);
            }
        }
    }

    private static void runOnce(ReferenceCase testCase, NetworkGraph graph, NDManager manager, int repeat,
                                WorstByKind.Worst worst) {
        TorchFixture fixture = TorchFixture.load(manager, testCase.arrays());
        NDArray input = fixture.get("input");
        GraphBlock block = GraphCompiler.standard().compile(graph);
        block.initialize(manager, DataType.FLOAT32, input.getShape());
        TorchStateDict stateDict = TorchStateDict.of(graph, block);
        assertThat(stateDict.names()).as("state_dict names of %s", testCase)
                .containsExactlyInAnyOrderElementsOf(keysWith(fixture, PARAM));
        stateDict.load(name -> fixture.get(PARAM + name));

        boolean realInput = !input.getDataType().isInteger();
        try (GradientLock.Turn turn = GradientLock.acquire();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            input.setRequiresGradient(realInput);
            NDArray output = block.forward(new ParameterStore(manager, false), new NDList(input),
                    testCase.training()).singletonOrThrow();
            collector.backward(output.mul(fixture.get("output_weights")).sum());

            String label = testCase.name() + " #" + repeat + " ";
            List<Comparison> comparisons = new ArrayList<>();
            comparisons.add(new Comparison(label + "output", output, fixture.get("output"), false));
            if (realInput) {
                comparisons.add(new Comparison(label + "d/d input", input.getGradient(),
                        fixture.get(GRAD + "input"), true));
            }
            comparisons.addAll(parameterComparisons(testCase, fixture, stateDict, manager, label));
            for (Comparison c : comparisons) {
                worst.add(Closeness.of(c.what, c.actual, c.expected), c.gradient);
            }
            for (Comparison c : comparisons) {
                ReferenceAssert.assertClose(c.what, c.actual, c.expected);
            }
        }
    }

    /** Every parameter's gradient and, after a training pass, the buffers PyTorch updated (running statistics). */
    private static List<Comparison> parameterComparisons(ReferenceCase testCase, TorchFixture fixture,
                                                         TorchStateDict stateDict, NDManager manager, String label) {
        List<Comparison> comparisons = new ArrayList<>();
        Map<String, NDArray> gradients = stateDict.gradients(manager);
        Set<String> expected = keysWith(fixture, GRAD);
        expected.remove("input");
        assertThat(gradients.keySet()).as("trainable entries of %s", testCase)
                .containsExactlyInAnyOrderElementsOf(expected);
        gradients.forEach((name, gradient) -> comparisons.add(
                new Comparison(label + "d/d " + name, gradient, fixture.get(GRAD + name), true)));
        if (testCase.training()) {
            Map<String, NDArray> values = stateDict.values(manager);
            for (String name : keysWith(fixture, AFTER)) {
                comparisons.add(new Comparison(label + name + " after the pass", values.get(name),
                        fixture.get(AFTER + name), false));
            }
        }
        return comparisons;
    }

    private static Set<String> keysWith(TorchFixture fixture, String prefix) {
        Set<String> names = new TreeSet<>();
        for (String key : fixture.keys()) {
            if (key.startsWith(prefix)) {
                names.add(key.substring(prefix.length()));
            }
        }
        return names;
    }

    /** One array of ours beside PyTorch's. */
    private record Comparison(String what, NDArray actual, NDArray expected, boolean gradient) {
    }
}
