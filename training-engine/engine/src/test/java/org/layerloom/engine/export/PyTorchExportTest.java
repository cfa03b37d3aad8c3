package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.testing.torch.Closeness;
import org.layerloom.engine.testing.torch.PythonTorch;

/**
 * The PyTorch export computes what LayerLoom computes, node by node. Every sample project and three synthetic
 * graphs that together use every layer kind are prepared by {@link ExportRun} (seeded random weights with
 * non-zero biases and BatchNorm statistics), exported, and run by {@code /usr/bin/python3} on the generated
 * {@code model.py} (strict load of {@code weights.npz}, eval mode) through {@code src/test/python/verify_export.py};
 * every node's output must equal the engine's within the numerical-truth tolerance of {@link Closeness}
 * (1e-5 + 1e-4·|PyTorch|). That bound is the one the PyTorch reference tests hold for the same layers: the
 * difference is float32 rounding between libtorch 2.7.1 inside DJL and the system's PyTorch (1.13 on Debian),
 * whose kernels sum in other orders; nothing is approximated on either side. The weights PyTorch loaded must
 * equal the exported ones bit for bit (numpy.load reads our .npz exactly). Negative controls export damaged
 * weights (an LSTM's input and forget gates swapped, a convolution's filters swapped) and must fail at the
 * damaged node and not before it. Runs under the default oneDNN ISA and, in the avx2-kernels execution, under
 * {@code ONEDNN_MAX_CPU_ISA=AVX2}; prints the largest difference per network and per layer kind.
 * Skipped without Python and torch, failed instead when {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PyTorchExportTest {

    private static final Path ROOT = Path.of("target/export-verification");

    private NDManager manager;
    private final Map<String, ExportRun> runs = new LinkedHashMap<>();
    private ExportRun swappedGates;
    private ExportRun swappedFilters;
    private final Map<String, Closeness> worstPerCase = new LinkedHashMap<>();
    private final Map<String, Double> worstPerKind = new TreeMap<>();

    @BeforeAll
    void exportEverythingAndRunPyTorch() throws Exception {
        if (!PythonTorch.available()) {
            return; // each test then skips, or fails under CI=true
        }
        KernelGuard.ensure();
        manager = NDManager.newBaseManager();
        Path root = ROOT.resolve(isa().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        StagedFolder.deleteTree(root);
        List<String> dirs = new ArrayList<>();
        for (ExportCases.Case c : ExportCases.all()) {
            ExportRun run = ExportRun.prepare(c.name(), c.graph(), root.resolve(c.name().replace(' ', '-')), manager);
            runs.put(c.name(), run);
            dirs.add(run.dir.toString());
        }
        ExportRun sequences = runs.get("synthetic sequences");
        swappedGates = sequences.withWeights(Files.createDirectories(root.resolve("control-lstm-gates")),
                swapBlocks(sequences.network.weights(), "lstm1.weight_ih_l0", 0, 1, 4));
        ExportRun images = runs.get("synthetic images");
        swappedFilters = images.withWeights(Files.createDirectories(root.resolve("control-conv-filters")),
                swapBlocks(images.network.weights(), "conv2d1.weight", 0, 1, 4));
        dirs.add(swappedGates.dir.toString());
        dirs.add(swappedFilters.dir.toString());
        long start = System.nanoTime();
        String said = PythonTorch.run("verify_export.py", dirs, 600);
        System.out.printf(Locale.ROOT, "[export] %s(%.1f s)%n", said, (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    void printTablesAndClose() {
        if (manager == null) {
            return;
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nPyTorch export: largest difference per network, every node compared (oneDNN ISA: %s)%n"
                        + "%-30s %6s %12s  %s%n", isa(), "network", "nodes", "max |Δ|", "at node"));
        worstPerCase.forEach((name, c) -> table.append(String.format(Locale.ROOT, "%-30s %6d %12.3g  %s%n", name,
                runs.get(name).outputs.size(), c.worstAbs(), c.what())));
        table.append(String.format(Locale.ROOT, "%nPer layer kind (every node of that kind in every network)%n"));
        worstPerKind.forEach((kind, abs) -> table.append(String.format(Locale.ROOT, "%-30s %12.3g%n", kind, abs)));
        System.out.println(table);
        manager.close();
    }

    List<String> cases() throws IOException {
        return ExportCases.all().stream().map(ExportCases.Case::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_node_of_the_export_computes_what_layerloom_computes(String name) throws IOException {
        PythonTorch.assumeAvailable();
        ExportRun run = runs.get(name);
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> torch = read(run, scope);
            List<Closeness> nodes = compare(run, torch);
            Closeness worst = nodes.stream().max((a, b) -> Double.compare(a.worstAbs(), b.worstAbs())).orElseThrow();
            worstPerCase.put(name, worst);
            for (Closeness c : nodes) {
                String kind = run.network.report().graph().requireNode(c.what()).kind().id();
                worstPerKind.merge(kind, c.worstAbs(), Math::max);
            }
            assertThat(nodes).as("nodes of %s", name).hasSize(run.outputs.size());
            assertThat(nodes).allSatisfy(c -> assertThat(c.withinTolerance()).as(c.describe()).isTrue());
            for (NpyArray weight : run.network.weights()) {
                assertThat(torch.get("state:" + weight.name()).toFloatArray()).as("%s as PyTorch loaded it", weight.name())
                        .containsExactly(weight.floatValues());
            }
            assertThat(torch.keySet().stream().filter(k -> k.startsWith("state:")).map(k -> k.substring(6)))
                    .as("state_dict of %s", name)
                    .containsExactlyInAnyOrderElementsOf(run.network.weights().stream().map(NpyArray::name).toList());
        }
    }

    @Test
    void the_synthetic_graphs_use_every_layer_kind_as_a_node() {
        Set<LayerKind> used = EnumSet.noneOf(LayerKind.class);
        ExportCases.synthetic().forEach(c -> c.graph().nodes().stream().map(Node::kind).forEach(used::add));
        assertThat(used).containsExactlyInAnyOrder(LayerKind.values());
    }

    @Test
    void model_py_runs_as_a_script_and_loads_its_weights() throws Exception {
        PythonTorch.assumeAvailable();
        Path model = runs.get("synthetic tokens").dir.resolve("export/model.py");
        assertThat(PythonTorch.run(model, List.of(), 120))
                .contains("(transformerencoder1): TransformerEncoderLayer(")
                .contains("A batch of 2 examples gives an output of shape (2, 3)");
    }

    @Test
    void swapped_lstm_gates_fail_at_the_lstm_and_not_before() throws IOException {
        assertFailsFrom(swappedGates, "lstm1");
    }

    @Test
    void swapped_convolution_filters_fail_at_the_convolution_and_not_before() throws IOException {
        assertFailsFrom(swappedFilters, "conv2d1");
    }

    private void assertFailsFrom(ExportRun control, String damagedNode) throws IOException {
        PythonTorch.assumeAvailable();
        try (NDManager scope = manager.newSubManager()) {
            List<Closeness> nodes = compare(control, read(control, scope));
            List<String> order = control.network.nodeIds();
            for (Closeness c : nodes) {
                boolean before = order.indexOf(c.what()) < order.indexOf(damagedNode);
                if (before) {
                    assertThat(c.withinTolerance()).as("before the damage: " + c.describe()).isTrue();
                }
            }
            Closeness damaged = nodes.stream().filter(c -> c.what().equals(damagedNode)).findFirst().orElseThrow();
            assertThat(damaged.withinTolerance()).as("the damaged node must differ: " + damaged.describe()).isFalse();
            assertThat(nodes.get(nodes.size() - 1).withinTolerance()).as("the prediction must differ").isFalse();
        }
    }

    /** Every node's output against PyTorch's, named by node id, in running order. */
    private static List<Closeness> compare(ExportRun run, Map<String, NDArray> torch) {
        List<Closeness> nodes = new ArrayList<>();
        String outputId = run.block.outputNodeId();
        for (Map.Entry<String, NDArray> entry : run.outputs.entrySet()) {
            String id = entry.getKey();
            NDArray expected = torch.get(id.equals(outputId) ? "output" : "node:" + id);
            assertThat(expected).as("PyTorch's output of %s in %s", id, run.name).isNotNull();
            nodes.add(Closeness.of(id, entry.getValue(), expected));
        }
        return nodes;
    }

    private static Map<String, NDArray> read(ExportRun run, NDManager scope) throws IOException {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(run.dir.resolve("torch.npz"))) {
            for (NDArray array : NDList.decode(scope, in)) {
                arrays.put(array.getName(), array);
            }
        }
        return arrays;
    }

    /**
     * The weights with two blocks of rows of {@code name} swapped: the entry's first axis cut into {@code parts}
     * equal blocks (the four gates of an LSTM), or single rows when it does not divide.
     */
    private static List<NpyArray> swapBlocks(List<NpyArray> weights, String name, int a, int b, int parts) {
        List<NpyArray> damaged = new ArrayList<>();
        for (NpyArray w : weights) {
            if (!w.name().equals(name)) {
                damaged.add(w);
                continue;
            }
            long rows = w.shape()[0];
            int block = (int) (rows % parts == 0 ? rows / parts : 1);
            float[] v = w.floatValues();
            int rowSize = (int) (v.length / rows);
            float[] out = v.clone();
            int len = block * rowSize;
            System.arraycopy(v, a * len, out, b * len, len);
            System.arraycopy(v, b * len, out, a * len, len);
            damaged.add(NpyArray.floats(name, w.shape(), out));
        }
        assertThat(damaged).isNotEqualTo(weights);
        return damaged;
    }

    /** The oneDNN ISA cap, and the kernel mode where a test execution sets one ("default, kernels onednn-off"). */
    private static String isa() {
        String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
        String kernels = System.getProperty("layerloom.kernels");
        return (isa == null || isa.isBlank() ? "default" : isa)
                + (kernels == null || kernels.isBlank() ? "" : ", kernels " + kernels);
    }
}
