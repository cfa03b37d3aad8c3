package org.layerloom.engine.imports.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;

/**
 * The sample projects, printed as Keras and as PyTorch code and read back: the same graph wherever the printer
 * could say everything, and for the others a list of what it could not.
 */
class SampleProjectsRoundTripTest {

    static Stream<Path> samples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../../samples/projects"))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".loom")).sorted().toList();
            assertThat(all).isNotEmpty();
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void keras_code_of_a_sample_reads_back_as_its_graph(Path file) throws Exception {
        Project project = ProjectFiles.load(file);
        PrintedCode printed = KerasCodePrinter.print(project.graph(), project.training());
        boolean attention = project.graph().nodes().stream().anyMatch(n -> n.kind() == LayerKind.SELF_ATTENTION
                || n.kind() == LayerKind.TRANSFORMER_ENCODER || n.kind() == LayerKind.POSITIONAL_ENCODING);
        assertThat(printed.complete()).as(printed.code()).isEqualTo(!attention);
        if (printed.complete()) {
            CodeImport imported = CodeImporter.read(printed.code(), CodeImportOptions.none());
            assertThat(imported.problems()).as(printed.code()).isEmpty();
            assertThat(ImportedChain.describe(imported.graph())).isEqualTo(ImportedChain.describe(project.graph()));
            assertThat(imported.training().applyTo(project.training()).epochs()).isEqualTo(project.training().epochs());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pytorch_code_of_a_sample_reads_back_as_its_graph_or_says_what_it_left_out(Path file) throws Exception {
        Project project = ProjectFiles.load(file);
        PrintedCode printed = TorchCodePrinter.print(project.graph(), project.training());
        if (printed.complete()) {
            List<Integer> shape = project.graph().nodesOfKind(LayerKind.INPUT).get(0).params().dims("shape");
            CodeImport imported = CodeImporter.read(printed.code(), CodeImportOptions.withInputShape(shape));
            assertThat(imported.problems()).as(printed.code()).isEmpty();
            assertThat(ImportedChain.withActivationLayers(imported.graph())).as(printed.code())
                    .isEqualTo(ImportedChain.withActivationLayers(project.graph()));
        } else {
            assertThat(printed.code()).contains("# Not written: ");
        }
    }
}
