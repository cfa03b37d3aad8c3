package org.layerloom.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;

/** Every sample project in {@code samples/projects} opens, validates cleanly and has the expected size. */
class SampleProjectsTest {

    private static final Path PROJECTS = Path.of(System.getProperty("basedir", "")).resolve("projects");

    /** Trainable parameters of the samples, as PyTorch counts them. */
    private static final Map<String, Long> EXPECTED_PARAMETERS = Map.of(
            "mnist-mlp.loom", 55_050L,
            "mnist-cnn.loom", 121_930L,
            "assignment-small-cnn.loom", 53_866L,
            "assignment-sigmoid.loom", 71_690L,
            "mnist-cnn-student.loom", 30_762L);

    static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROJECTS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".loom")).sorted().toList();
        }
    }

    @Test
    void the_samples_folder_holds_the_mnist_projects() throws IOException {
        assertThat(sampleFiles()).extracting(f -> f.getFileName().toString())
                .containsAll(EXPECTED_PARAMETERS.keySet());
    }

    @Test
    void the_catalog_lists_every_project_file_once_and_nothing_else() throws IOException {
        List<String> catalogued = SampleCatalog.standard().samples().stream().map(Sample::file).toList();

        assertThat(catalogued).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sampleFiles().stream().map(f -> f.getFileName().toString()).toList());
    }

    @Test
    void every_catalog_entry_has_a_lesson_with_things_to_try() {
        assertThat(SampleCatalog.standard().samples()).allSatisfy(sample -> {
            assertThat(sample.goal()).isNotBlank();
            assertThat(sample.learn()).isNotEmpty();
            assertThat(sample.lesson().shows()).isNotBlank();
            assertThat(sample.lesson().tryNext()).isNotEmpty();
            assertThat(sample.lesson().expected()).isNotBlank();
            assertThat(sample.minutesOnLaptop()).isPositive();
        });
    }

    @Test
    void a_sample_copied_twice_into_a_folder_gets_a_second_name(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        SampleCatalog catalog = SampleCatalog.standard();
        Sample spirals = catalog.byId("spirals").orElseThrow();

        Path first = catalog.copyTo(spirals, folder.resolve("LayerLoom"));
        Path second = catalog.copyTo(spirals, folder.resolve("LayerLoom"));

        assertThat(first.getFileName()).hasToString("spirals.loom");
        assertThat(second.getFileName()).hasToString("spirals-2.loom");
        assertThat(ProjectFiles.load(second).name()).isEqualTo("Spiral classifier");
    }

    @ParameterizedTest
    @MethodSource("sampleFiles")
    void every_sample_loads_and_validates_without_errors_or_warnings(Path file) throws Exception {
        Project project = ProjectFiles.load(file);

        ValidationReport report = GraphValidator.standard().validate(project.graph());

        assertThat(report.problems()).isEmpty();
        assertThat(report.isValid()).isTrue();
        if (EXPECTED_PARAMETERS.containsKey(file.getFileName().toString())) {
            assertThat(report.totalParameters()).isEqualTo(EXPECTED_PARAMETERS.get(file.getFileName().toString()));
        }
    }

    @ParameterizedTest
    @MethodSource("sampleFiles")
    void every_sample_is_saved_exactly_as_layerloom_writes_it(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(ProjectFiles.toJson(ProjectFiles.load(file))).isEqualTo(text);
    }

    @Test
    void the_cnn_flattens_64_maps_of_5_by_5_into_1600_features() throws Exception {
        Project cnn = ProjectFiles.load(PROJECTS.resolve("mnist-cnn.loom"));

        ValidationReport report = GraphValidator.standard().validate(cnn.graph());

        assertThat(report.outputOf("maxpool2d2")).contains(TensorShape.of(64, 5, 5));
        assertThat(report.outputOf("flatten1")).contains(TensorShape.of(1600));
        assertThat(cnn.training().epochs()).isEqualTo(3);
    }

    @Test
    void the_mlp_trains_with_adam_for_5_epochs_on_mnist() throws Exception {
        Project mlp = ProjectFiles.load(PROJECTS.resolve("mnist-mlp.loom"));

        assertThat(mlp.dataset().source()).isEqualTo("mnist");
        assertThat(mlp.training().epochs()).isEqualTo(5);
        assertThat(mlp.training().batchSize()).isEqualTo(64);
        assertThat(mlp.training().optimizer().learningRate()).isEqualTo(0.001);
        assertThat(mlp.training().seed()).isEqualTo(42);
    }

    @Test
    void the_samples_are_on_the_class_path_under_samples() {
        for (String name : EXPECTED_PARAMETERS.keySet()) {
            assertThat(SampleProjectsTest.class.getResource("/samples/" + name)).as(name).isNotNull();
        }
    }
}
