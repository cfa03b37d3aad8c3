package org.layerloom.engine.export.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;

/**
 * Every sample project, exported to ONNX with seeded random weights and run in ONNX Runtime, gives at
 * every node what the engine's network gives (within {@link OnnxAgreement}'s tolerance). Prints one row
 * per sample with its largest difference.
 */
class OnnxSampleExportTest {

    /** The samples module, seen from this module's folder (Surefire's working directory). */
    private static final Path SAMPLES = Path.of("..", "..", "samples", "projects");

    @Test
    void every_sample_agrees_with_the_engine_at_every_node() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(SAMPLES)) {
            files = list.filter(p -> p.toString().endsWith(ProjectFiles.EXTENSION)).sorted().toList();
        }
        assertThat(files).as("sample projects in %s", SAMPLES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(10);
        List<OnnxAgreement.Result> results = new ArrayList<>();
        for (Path file : files) {
            results.add(OnnxAgreement.compare(file.getFileName().toString(), graphOf(file), 17));
        }
        OnnxDifferenceTable.print("samples", results);
        for (OnnxAgreement.Result result : results) {
            assertThat(result.disagreeing()).as(result.name()).isEmpty();
        }
    }

    private static NetworkGraph graphOf(Path file) throws IOException {
        try {
            return ProjectFiles.load(file).graph();
        } catch (ProjectFileException e) {
            throw new IOException(e);
        }
    }
}
