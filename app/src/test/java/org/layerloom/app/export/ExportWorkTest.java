package org.layerloom.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.compress.CompressibleRun;
import org.layerloom.engine.compress.CompressionStudy;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.export.ExportSources;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.ProjectData;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

class ExportWorkTest {

    @TempDir
    Path dir;

    @Test
    void onnx_export_of_a_sample_agrees_with_the_app_at_every_node() throws Exception {
        Project project = ProjectFiles.load(ExportSamples.copy("spirals", dir));
        Path out = dir.resolve("onnx");

        ExportOutcome outcome = new ExportWork(PythonTorch.system()).run(
                new ExportRequest(project, ExportTarget.ONNX, Optional.empty(), out));

        assertThat(outcome).isInstanceOf(ExportOutcome.Written.class);
        ExportOutcome.Written written = (ExportOutcome.Written) outcome;
        assertThat(written.files()).containsExactly("model.onnx");
        Verification check = written.verification();
        assertThat(check.ran()).isTrue();
        assertThat(check.nodes()).extracting(NodeDifference::nodeId)
                .containsAll(project.graph().nodes().stream().map(n -> n.id()).toList());
        assertThat(check.nodes()).allSatisfy(d -> assertThat(d.largest()).isLessThanOrEqualTo(d.tolerance()));
        assertThat(check.agrees()).isTrue();
    }

    /**
     * The DJL export of a sample with an Embedding (a generated class) and two LSTMs is compiled and run in this
     * JVM, and every layer agrees; the compiled classes do not stay in the export folder.
     */
    @Test
    void djl_export_of_a_sample_is_compiled_and_run_here_and_agrees_at_every_layer() throws Exception {
        Project project = ProjectFiles.load(ExportSamples.copy("sentiment-lstm", dir));
        Path out = dir.resolve("djl");

        ExportOutcome outcome = new ExportWork(PythonTorch.system()).run(
                new ExportRequest(project, ExportTarget.DJL, Optional.empty(), out));

        ExportOutcome.Written written = (ExportOutcome.Written) outcome;
        assertThat(written.files()).containsExactly("README.md", "pom.xml", "src", "weights.npz");
        Verification check = written.verification();
        assertThat(check.ran()).isTrue();
        assertThat(check.note()).startsWith("Compiled the exported Java and ran it");
        assertThat(check.nodes()).extracting(NodeDifference::nodeId)
                .containsAll(project.graph().nodes().stream().map(n -> n.id()).toList());
        assertThat(check.nodes()).allSatisfy(d -> assertThat(d.largest()).isZero());
        assertThat(check.agrees()).isTrue();
    }

    @Test
    void a_djl_export_with_a_broken_weights_file_says_it_failed_to_run() throws Exception {
        Project project = ProjectFiles.load(ExportSamples.copy("spirals", dir));
        Path out = dir.resolve("djl");
        new ExportWork(PythonTorch.system()).run(new ExportRequest(project, ExportTarget.DJL, Optional.empty(), out));
        Files.write(out.resolve("weights.npz"), new byte[] {1, 2, 3});

        ExportedNetwork network = ExportSources.initial(project, ExportTarget.DJL);
        Verification check = DjlCheck.verify(network, out, ReferenceOutputs.seededBatch(network, 2, 1), Map.of());

        assertThat(check.agrees()).isFalse();
        assertThat(check.note()).startsWith("The exported Java failed to run");
    }

    @Test
    void a_node_pytorch_cannot_name_refuses_the_export_and_writes_nothing() throws Exception {
        Project project = ProjectFiles.load(ExportSamples.withNodeId("spirals", dir, "dense1", "train"));
        Path out = dir.resolve("pytorch");

        ExportOutcome outcome = new ExportWork(PythonTorch.system()).run(
                new ExportRequest(project, ExportTarget.PYTORCH, Optional.empty(), out));

        assertThat(outcome).isInstanceOf(ExportOutcome.Refused.class);
        assertThat(((ExportOutcome.Refused) outcome).problems())
                .anySatisfy(p -> assertThat(p.nodeIds()).contains("train"));
        assertThat(out).doesNotExist();
    }

    /**
     * With {@code /usr/bin/python3} and torch here, the PyTorch export is run by Python and every layer agrees;
     * skipped without them, except under {@code CI=true}, where they must be present.
     */
    @Test
    void pytorch_export_of_a_sample_runs_in_python_and_agrees_at_every_layer() throws Exception {
        PythonTorch python = new PythonTorch(List.of(Path.of("/usr/bin/python3")));
        boolean found = python.find().isPresent();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(found).as("CI needs /usr/bin/python3 with torch and numpy").isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(found, "no /usr/bin/python3 with torch and numpy here");
        Project project = ProjectFiles.load(ExportSamples.copy("spirals", dir));
        Path out = dir.resolve("pytorch");

        ExportOutcome outcome = new ExportWork(python).run(
                new ExportRequest(project, ExportTarget.PYTORCH, Optional.empty(), out));

        Verification check = ((ExportOutcome.Written) outcome).verification();
        assertThat(check.ran()).isTrue();
        assertThat(check.note()).startsWith("Ran model.py with torch");
        assertThat(check.nodes()).extracting(NodeDifference::nodeId)
                .containsAll(project.graph().nodes().stream().map(n -> n.id()).toList());
        assertThat(check.nodes()).allSatisfy(d -> assertThat(d.largest()).isLessThanOrEqualTo(d.tolerance()));
        assertThat(out).isDirectoryContaining(p -> p.getFileName().toString().equals("model.py"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().equals("__pycache__"));
    }

    /**
     * An int8 variant of a briefly trained sample: its ONNX export is checked against LayerLoom's network with every
     * layer's output rounded to 8 bits, and agrees; its PyTorch export says that it leaves the rounding out.
     */
    @Test
    void int8_variant_exports_to_onnx_checked_against_its_rounded_layers_and_to_pytorch_with_a_note()
            throws Exception {
        Path file = ExportSamples.copy("spirals", dir);
        Project project = ProjectFiles.load(file);
        project = project.withTraining(project.training().withEpochs(3));
        Dataset data = ProjectData.load(project, file.getParent(), project.training(), 0, ProgressListener.none());
        TrainingEvent end = TrainingSession.start(TrainingJob.of(project, data, dir.resolve("runs")).withThreads(1),
                e -> { }).outcome().get(5, TimeUnit.MINUTES);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        Path int8;
        try (CompressibleRun run = CompressibleRun.open(Path.of(((RunFinished) end).runFolder()))) {
            int8 = new CompressionStudy(run, data, true).int8().savedRun().orElseThrow();
        }

        ExportOutcome.Written onnx = (ExportOutcome.Written) new ExportWork(PythonTorch.system()).run(
                new ExportRequest(project, ExportTarget.ONNX, Optional.of(int8), dir.resolve("onnx")));
        assertThat(onnx.note()).isEmpty();
        assertThat(onnx.verification().note()).contains("8 bits");
        assertThat(onnx.verification().nodes()).extracting(NodeDifference::nodeId)
                .containsAll(project.graph().nodes().stream().map(n -> n.id()).toList());
        assertThat(onnx.verification().agrees()).as("%s", onnx.verification().nodes()).isTrue();

        ExportOutcome.Written pytorch = (ExportOutcome.Written) new ExportWork(
                new PythonTorch(List.of(dir.resolve("no-such-python3")))).run(
                new ExportRequest(project, ExportTarget.PYTORCH, Optional.of(int8), dir.resolve("pytorch")));
        assertThat(pytorch.note()).contains("int8 values written as float32", "8 bits", "test examples");
        assertThat(Files.readString(dir.resolve("pytorch").resolve("README.md"))).contains(pytorch.note());
    }

    @Test
    void pytorch_export_without_python_says_it_cannot_run_here() throws Exception {
        Project project = ProjectFiles.load(ExportSamples.copy("spirals", dir));
        Path out = dir.resolve("pytorch");
        PythonTorch missing = new PythonTorch(List.of(dir.resolve("no-such-python3")));

        ExportOutcome outcome = new ExportWork(missing).run(
                new ExportRequest(project, ExportTarget.PYTORCH, Optional.empty(), out));

        ExportOutcome.Written written = (ExportOutcome.Written) outcome;
        assertThat(Files.exists(out.resolve("model.py"))).isTrue();
        assertThat(written.verification().ran()).isFalse();
        assertThat(written.verification().note()).contains("PyTorch can't run here").contains("no-such-python3");
    }
}
