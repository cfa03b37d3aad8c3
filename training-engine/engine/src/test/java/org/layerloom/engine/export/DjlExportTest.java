package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.graph.LayerKind.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.export.djl.DjlWriter;
import org.layerloom.engine.export.support.ExportCheck;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * The DJL (Java) export against the engine: every sample the target accepts, and synthetic graphs with every
 * kind it writes (Dense with and without bias and with each activation option, Dropout, Flatten, Reshape, every
 * activation layer, Add, Concatenate; Conv2D and Conv1D with and without bias, strided and padded, the three
 * poolings), is exported, its generated sources compiled in this JVM with
 * {@code javax.tools}, loaded in a fresh class loader whose parent sees DJL, and run through its own
 * {@code Main.predict} (which builds the network and loads {@code weights.npz} by name) on the seeded batch of
 * {@link ExportRun}. Both sides make the same DJL calls on the same libtorch, so the outputs must agree to
 * within {@link #TOLERANCE}. Prints the largest difference per network. One thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DjlExportTest {

    /**
     * Both sides run the same libtorch kernels on the same float32 values in the same order, so they should agree
     * exactly; the tolerance only allows a last-bit difference should libtorch pick another kernel for another
     * array layout, and is far below any mistake in a weight (which moves outputs by 1e-2 or more).
     */
    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path tmp;

    private NDManager manager;
    private final Map<String, Double> largest = new LinkedHashMap<>();

    @BeforeAll
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    void printTableAndClose() {
        System.out.println("DJL export against LayerLoom, largest |difference| of the output:");
        largest.forEach((name, diff) -> System.out.printf("  %-30s %.3e%n", name, diff));
        manager.close();
    }

    static NetworkGraph denseBranches() {
        GraphBuilder b = new GraphBuilder();
        String in = b.input(TensorShape.of(6));
        String hidden = b.add(DENSE, "units", 8, "activation", "relu");
        String noBias = b.add(DENSE, "units", 8, "bias", false, "activation", "tanh");
        String sigmoid = b.add(SIGMOID);
        String add = b.add(ADD);
        String leaky = b.add(LEAKY_RELU, "alpha", 0.2);
        String elu = b.add(ELU, "alpha", 0.7);
        String concat = b.add(CONCATENATE, "axis", -1);
        String reshape = b.add(RESHAPE, "target", new int[] {2, 8});
        String softmax = b.add(SOFTMAX);
        String gelu = b.add(GELU);
        String perStep = b.add(DENSE, "units", 8, "activation", "leaky_relu");
        String stepsJoin = b.add(CONCATENATE, "axis", 0);
        String tanh = b.add(TANH);
        String relu = b.add(RELU);
        String flatten = b.add(FLATTEN);
        String dropout = b.add(DROPOUT, "rate", 0.3);
        String elus = b.add(DENSE, "units", 5, "activation", "elu");
        String geluOption = b.add(DENSE, "units", 5, "activation", "gelu");
        String sigmoidOption = b.add(DENSE, "units", 3, "activation", "sigmoid");
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, hidden, noBias, add).chain(hidden, sigmoid, add);
        b.chain(add, leaky, concat).chain(add, elu, concat);
        b.chain(concat, reshape, softmax, perStep, stepsJoin).chain(reshape, gelu, tanh, stepsJoin);
        b.chain(stepsJoin, relu, flatten, dropout, elus, geluOption, sigmoidOption, out);
        return b.build();
    }

    static NetworkGraph convolutions() {
        GraphBuilder b = new GraphBuilder();
        String in = b.input(TensorShape.of(3, 8, 8));
        String conv = b.add(CONV2D, "filters", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", "relu");
        String maxPool = b.add(MAX_POOL2D, "pool", 3, "stride", 2, "padding", 1);
        String pointwise = b.add(CONV2D, "filters", 4, "kernel", 1, "stride", 1, "padding", 0, "bias", false,
                "activation", "none");
        String strided = b.add(CONV2D, "filters", 2, "kernel", 2, "stride", 2, "padding", 0, "activation", "gelu");
        String avgPool = b.add(AVG_POOL2D, "pool", 3, "stride", 1, "padding", 1);
        String global = b.add(GLOBAL_AVG_POOL2D);
        String head = b.add(DENSE, "units", 3);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, conv, maxPool, pointwise, strided, avgPool, global, head, out);
        return b.build();
    }

    static NetworkGraph sequenceConvolution() {
        GraphBuilder b = new GraphBuilder();
        String in = b.input(TensorShape.of(10, 3));
        String conv = b.add(CONV1D, "filters", 4, "kernel", 3, "stride", 2, "padding", 1, "activation", "tanh");
        String plain = b.add(CONV1D, "filters", 2, "kernel", 2, "stride", 1, "padding", 0, "bias", false,
                "activation", "none");
        String flatten = b.add(FLATTEN);
        String head = b.add(DENSE, "units", 2);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, conv, plain, flatten, head, out);
        return b.build();
    }

    /** The samples and synthetic graphs the DJL target accepts, and a graph with every kind it writes. */
    private List<ExportCases.Case> cases() throws IOException {
        List<ExportCases.Case> cases = new ArrayList<>();
        for (ExportCases.Case c : ExportCases.all()) {
            if (accepted(c.graph())) {
                cases.add(c);
            }
        }
        cases.add(new ExportCases.Case("synthetic dense branches", denseBranches()));
        cases.add(new ExportCases.Case("synthetic convolutions", convolutions()));
        cases.add(new ExportCases.Case("synthetic conv1d", sequenceConvolution()));
        return cases;
    }

    private static boolean accepted(NetworkGraph graph) {
        return ExportCheck.allowsExport(ExportCheck.problems(GraphValidator.standard().validate(graph),
                ExportTarget.DJL));
    }

    @Test
    void every_sample_and_every_layer_kind_is_accepted() throws IOException {
        List<ExportCases.Case> all = ExportCases.all();
        assertThat(all).allSatisfy(c -> assertThat(accepted(c.graph())).as(c.name()).isTrue());
        java.util.Set<org.layerloom.engine.graph.LayerKind> kinds = java.util.EnumSet.noneOf(
                org.layerloom.engine.graph.LayerKind.class);
        for (ExportCases.Case c : cases()) {
            c.graph().nodes().forEach(n -> kinds.add(n.kind()));
        }
        assertThat(kinds).containsExactlyInAnyOrder(org.layerloom.engine.graph.LayerKind.values());
    }

    @Test
    void every_network_computes_in_djl_layer_by_layer_what_layerloom_computes() throws Exception {
        List<ExportCases.Case> cases = cases();
        for (ExportCases.Case c : cases) {
            Path dir = tmp.resolve(c.name().replace(' ', '-'));
            try (NDManager scope = manager.newSubManager()) {
                ExportRun run = ExportRun.prepare(c.name(), c.graph(), dir, scope);
                Path project = dir.resolve("djl");
                Exporter.export(run.network, new DjlWriter(), project);
                NDArray expected = run.outputs.get(prediction(run));
                Map<String, NDArray> layers = new LinkedHashMap<>();
                NDArray actual = predict(project, scope, input(run, expected.getManager()), layers);
                assertThat(actual.getShape()).as(c.name()).isEqualTo(expected.getShape());
                List<String> computed = run.network.nodeIds().subList(1, run.network.nodeIds().size() - 1);
                assertThat(layers.keySet()).as(c.name()).containsExactlyElementsOf(computed);
                double diff = 0;
                for (String id : computed) {
                    NDArray engine = run.outputs.get(id);
                    NDArray djl = layers.get(id);
                    assertThat(djl.getShape()).as(c.name() + " " + id).isEqualTo(engine.getShape());
                    double layerDiff = djl.sub(engine).abs().max().getFloat();
                    assertThat(layerDiff).as(c.name() + " " + id).isLessThanOrEqualTo(TOLERANCE);
                    diff = Math.max(diff, layerDiff);
                }
                largest.put(c.name(), Math.max(diff, actual.sub(expected).abs().max().getFloat()));
                assertThat(largest.get(c.name())).as(c.name()).isLessThanOrEqualTo(TOLERANCE);
            }
        }
        assertThat(largest).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void a_weight_under_another_name_fails_to_load() throws Exception {
        try (NDManager scope = manager.newSubManager()) {
            ExportRun run = ExportRun.prepare("renamed weight", denseBranches(), tmp.resolve("renamed"), scope);
            List<NpyArray> renamed = new ArrayList<>();
            for (NpyArray w : run.network.weights()) {
                renamed.add(w.name().endsWith(".bias") && renamed.stream().noneMatch(r -> r.name().startsWith("other"))
                        ? NpyArray.floats("other" + w.name().substring(w.name().indexOf('.')), w.shape(),
                        w.floatValues())
                        : w);
            }
            Path project = tmp.resolve("renamed/djl");
            Exporter.export(run.network.withWeights(renamed), new DjlWriter(), project);
            NDArray expected = run.outputs.get(prediction(run));
            assertThatThrownBy(() -> predict(project, scope, input(run, expected.getManager())))
                    .hasMessageContaining("weights.npz has no array called");
        }
    }

    @Test
    void a_weight_with_its_units_swapped_gives_another_output() throws Exception {
        try (NDManager scope = manager.newSubManager()) {
            ExportRun run = ExportRun.prepare("swapped", denseBranches(), tmp.resolve("swapped"), scope);
            List<NpyArray> weights = run.network.weights();
            NpyArray a = weights.stream().filter(w -> w.name().endsWith(".weight")).findFirst().orElseThrow();
            List<NpyArray> swapped = new ArrayList<>();
            for (NpyArray w : weights) {
                // the first weight with its rows (units) reversed: same name and shape, other values
                swapped.add(w == a ? NpyArray.floats(w.name(), w.shape(), reversedRows(w)) : w);
            }
            Path project = tmp.resolve("swapped/djl");
            Exporter.export(run.network.withWeights(swapped), new DjlWriter(), project);
            NDArray expected = run.outputs.get(prediction(run));
            NDArray actual = predict(project, scope, input(run, expected.getManager()));
            assertThat(actual.sub(expected).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    /**
     * Negative controls for the layouts DJL and PyTorch could disagree on: the query and key blocks of attention's
     * packed {@code in_proj_weight} swapped, and an LSTM's and a GRU's first two gate blocks swapped. Each still
     * loads (same names and shapes) but must give the layer another output, so the comparison above would see
     * such a mistake.
     */
    @Test
    void swapped_attention_projections_and_gate_blocks_give_another_output() throws Exception {
        Map<String, NetworkGraph> controls = new LinkedHashMap<>();
        controls.put("att", ExportCases.tokens());
        controls.put("encoder self_attn", ExportCases.tokens());
        controls.put("lstm", ExportCases.sequences());
        controls.put("gru", ExportCases.sequences());
        for (Map.Entry<String, NetworkGraph> control : controls.entrySet()) {
            try (NDManager scope = manager.newSubManager()) {
                String name = "control " + control.getKey();
                ExportRun run = ExportRun.prepare(name, control.getValue(), tmp.resolve(name.replace(' ', '-')),
                        scope);
                String wanted = switch (control.getKey()) {
                    case "att" -> "multiheadselfattention1.in_proj_weight";
                    case "encoder self_attn" -> "self_attn.in_proj_weight";
                    default -> control.getKey();
                };
                NpyArray target = run.network.weights().stream()
                        .filter(w -> w.name().contains(wanted) && (w.name().endsWith("in_proj_weight")
                                || w.name().endsWith("weight_ih_l0")))
                        .findFirst().orElseThrow(() -> new AssertionError("no weight for " + wanted + " in "
                                + run.network.weights().stream().map(NpyArray::name).toList()));
                int blocks = target.name().endsWith("in_proj_weight") ? 3 : control.getKey().equals("lstm") ? 4 : 3;
                List<NpyArray> swapped = new ArrayList<>();
                for (NpyArray w : run.network.weights()) {
                    swapped.add(w == target ? NpyArray.floats(w.name(), w.shape(), firstTwoBlocksSwapped(w, blocks))
                            : w);
                }
                Path project = tmp.resolve(name.replace(' ', '-') + "/djl");
                Exporter.export(run.network.withWeights(swapped), new DjlWriter(), project);
                String layer = target.name().substring(0, target.name().indexOf('.'));
                Map<String, NDArray> layers = new LinkedHashMap<>();
                predict(project, scope, input(run, scope), layers);
                assertThat(layers.get(layer).sub(run.outputs.get(layer)).abs().max().getFloat())
                        .as(name + " (" + target.name() + ")").isGreaterThan(1e-3f);
            }
        }
    }

    /** {@code w}'s rows as {@code blocks} equal blocks, the first two exchanged. */
    private static float[] firstTwoBlocksSwapped(NpyArray w, int blocks) {
        float[] values = w.floatValues();
        int block = values.length / blocks;
        float[] out = values.clone();
        System.arraycopy(values, 0, out, block, block);
        System.arraycopy(values, block, out, 0, block);
        return out;
    }

    private static float[] reversedRows(NpyArray w) {
        float[] values = w.floatValues();
        int rows = (int) w.shape()[0];
        int columns = values.length / rows;
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * columns, out, (rows - 1 - r) * columns, columns);
        }
        return out;
    }

    /** The node whose output the Output node passes on. */
    private static String prediction(ExportRun run) {
        List<String> ids = run.network.nodeIds();
        String outputId = ids.get(ids.size() - 1);
        return run.network.report().graph().wiresInto(outputId).get(0).from().nodeId();
    }

    /** The seeded batch that {@link ExportRun} gave the engine. */
    private static NDArray input(ExportRun run, NDManager scope) {
        return run.outputs.get(run.network.nodeIds().get(0));
    }

    /** Compiles the generated project, loads it in a fresh class loader and calls its {@code Main.predict}. */
    private static NDArray predict(Path project, NDManager scope, NDArray input) throws Exception {
        Path classes = compile(project);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DjlExportTest.class.getClassLoader())) {
            try {
                return (NDArray) loader.loadClass(DjlWriter.PACKAGE + ".Main").getMethod("predict", NDManager.class,
                        Path.class, NDArray.class).invoke(null, scope, project.resolve(DjlWriter.WEIGHTS), input);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    /**
     * Compiles the generated project, loads it in a fresh class loader, builds its {@code Network}, loads
     * {@code weights.npz} with its {@code Weights} and runs a batch, putting every layer's result into
     * {@code layers} by id.
     */
    private static NDArray predict(Path project, NDManager scope, NDArray input, Map<String, NDArray> layers)
            throws Exception {
        Path classes = compile(project);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DjlExportTest.class.getClassLoader())) {
            Class<?> networkClass = loader.loadClass(DjlWriter.PACKAGE + ".Network");
            Class<?> weightsClass = loader.loadClass(DjlWriter.PACKAGE + ".Weights");
            try {
                Object network = networkClass.getConstructor().newInstance();
                networkClass.getMethod("initialize", NDManager.class).invoke(network, scope);
                Object weights = weightsClass.getMethod("read", Path.class).invoke(null,
                        project.resolve(DjlWriter.WEIGHTS));
                networkClass.getMethod("load", weightsClass).invoke(network, weights);
                BiConsumer<String, NDArray> seen = layers::put;
                return (NDArray) networkClass.getMethod("forward", ParameterStore.class, NDArray.class,
                        BiConsumer.class).invoke(network, new ParameterStore(scope, false), input, seen);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    /** Compiles the generated sources with javax.tools, warnings as errors; the folder of the classes. */
    private static Path compile(Path project) throws IOException {
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null);
             Stream<Path> sources = Files.walk(project.resolve("src"))) {
            List<Path> javaFiles = sources.filter(p -> p.toString().endsWith(".java")).toList();
            boolean ok = compiler.getTask(null, files, diagnostics, List.of("-classpath",
                            System.getProperty("java.class.path"), "-d", classes.toString(), "--release", "17",
                            "-Xlint:all", "-Werror"),
                    null, files.getJavaFileObjectsFromPaths(javaFiles)).call();
            assertThat(ok).as("the generated project compiles: %s", diagnostics.getDiagnostics()).isTrue();
        }
        return classes;
    }

    @Test
    void the_pom_pins_the_versions_the_engine_runs_with() throws Exception {
        try (NDManager scope = manager.newSubManager()) {
            ExportRun run = ExportRun.prepare("pom", denseBranches(), tmp.resolve("pom"), scope);
            Path project = tmp.resolve("pom/djl");
            Exporter.export(run.network, new DjlWriter(), project);
            String pom = Files.readString(project.resolve(DjlWriter.POM));
            String djl = ai.djl.engine.Engine.class.getPackage().getImplementationVersion();
            assertThat(pom).contains("<djl.version>0.35.0</djl.version>", "<version>2.7.1</version>",
                    "<version>2.7.1-0.35.0</version>", "<classifier>linux-x86_64</classifier>");
            if (djl != null) {
                assertThat(pom).contains("<djl.version>" + djl + "</djl.version>");
            }
            assertThat(Files.readString(project.resolve(DjlWriter.README))).contains("mvn -q compile exec:java");
        }
    }
}
