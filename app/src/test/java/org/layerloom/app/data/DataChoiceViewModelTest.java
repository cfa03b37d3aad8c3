package org.layerloom.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.data.DatasetEntry;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.generate.BlobsSource;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.testing.TestProjects;

/** The Data area's choice without a toolkit: options text, the changed flag, lazy previews, storing. */
class DataChoiceViewModelTest {

    private final List<DatasetChoice> stored = new ArrayList<>();
    private final DataPreviewViewModel preview = new DataPreviewViewModel(DatasetRegistry.standard(), Runnable::run,
            Runnable::run);
    private final DataChoiceViewModel model = new DataChoiceViewModel(preview, GraphValidator.standard(),
            Path.of("."), stored::add, () -> Path.of("cache"));

    @Test
    void options_text_reads_numbers_booleans_and_strings_and_names_a_bad_line() {
        assertThat(DatasetOptionsText.parse("noise = 0.15\nsamples=600\n# a comment\n\ncolour = true\npath = 'a b.csv'"))
                .containsEntry("noise", 0.15).containsEntry("samples", 600).containsEntry("colour", true)
                .containsEntry("path", "a b.csv").hasSize(4);
        assertThatThrownBy(() -> DatasetOptionsText.parse("noise 0.1")).hasMessageContaining("Line 1")
                .hasMessageContaining("name = value");
        assertThat(DatasetOptionsText.parse(DatasetOptionsText.format(
                java.util.Map.of("noise", 0.1, "samples", 500)))).containsEntry("noise", 0.1).containsEntry("samples", 500);
    }

    @Test
    void the_projects_choice_shows_and_only_a_different_one_can_be_stored() {
        Project project = TestProjects.moons(3);
        model.projectDidChange(project, Optional.empty());

        assertThat(model.sourceProperty().get()).isEqualTo(project.dataset().source());
        assertThat(model.changedProperty().get()).isFalse();

        model.optionsTextProperty().set(model.optionsTextProperty().get() + "noise = 0.3\n");
        assertThat(model.changedProperty().get()).isTrue();
        model.useForProject();

        assertThat(stored).singleElement().satisfies(c -> assertThat(c.options()).containsEntry("noise", 0.3));
        model.revert();
        assertThat(model.changedProperty().get()).isFalse();
    }

    @Test
    void the_preview_loads_only_once_the_area_is_shown_and_reloads_after_the_network_changes() {
        Project project = TestProjects.moons(3);
        model.projectDidChange(project, Optional.empty());
        assertThat(preview.previewProperty().get()).as("hidden: nothing loaded").isNull();

        model.setShown(true);
        assertThat(preview.previewProperty().get()).isNotNull();
        assertThat(preview.errorProperty().get()).isNull();

        model.setShown(false);
        model.optionsTextProperty().set("samples = 300\n");
        model.projectDidChange(project.withName("renamed"), Optional.empty());
        assertThat(model.optionsTextProperty().get()).as("the typed options survive a change of the network")
                .isEqualTo("samples = 300\n");
    }

    @Test
    void a_bad_options_line_is_reported_and_nothing_is_stored() {
        model.projectDidChange(TestProjects.moons(3), Optional.empty());
        model.optionsTextProperty().set("noise: 0.1");

        model.useForProject();

        assertThat(stored).isEmpty();
        assertThat(model.messageProperty().get()).contains("name = value");
    }

    @Test
    void the_list_follows_the_registry_so_a_new_dataset_is_one_entry_with_its_name_and_download_flag() {
        DatasetRegistry standard = DatasetRegistry.standard();
        assertThat(model.sourceIds()).containsExactlyElementsOf(standard.entries().stream().map(DatasetEntry::id)
                .toList());
        standard.entries().forEach(e -> assertThat(model.describe(e.id())).isEqualTo(e.displayName()));

        List<DatasetRequest> asked = new ArrayList<>();
        DatasetSource tiny = (request, progress) -> {
            asked.add(request);
            return new BlobsSource().load(DatasetRequest.of(DatasetChoice.of("blobs"), Path.of("."), 1, 0.1),
                    progress);
        };
        DataPreviewViewModel withTiny = new DataPreviewViewModel(
                standard.with(DatasetEntry.downloaded("tiny", "Tiny blobs (download)", tiny)), Runnable::run,
                Runnable::run);
        DataChoiceViewModel choice = new DataChoiceViewModel(withTiny, GraphValidator.standard(), Path.of("."),
                stored::add, () -> Path.of("cache"));

        assertThat(choice.sourceIds()).endsWith("text", "tiny");
        assertThat(choice.describe("tiny")).isEqualTo("Tiny blobs (download)");
        choice.projectDidChange(TestProjects.moons(3).withDataset(DatasetChoice.of("tiny")), Optional.empty());
        choice.setShown(true);
        assertThat(asked).singleElement().satisfies(r -> assertThat(r.options().text("cache"))
                .hasValue(Path.of("cache").toAbsolutePath().toString()));
        assertThat(withTiny.previewProperty().get()).isNotNull();
    }

    @Test
    void controls_write_single_options_and_another_source_starts_with_its_own_and_refreshes_at_once() {
        model.projectDidChange(TestProjects.moons(3), Optional.empty());
        model.setShown(true);
        model.setOption("noise", 0.3);
        assertThat(model.optionsTextProperty().get()).contains("noise = 0.3").contains("samples = 400");
        model.setOption("noise", null);
        assertThat(model.option("noise")).isEmpty();

        model.chooseSource("circles");
        assertThat(model.optionsTextProperty().get()).as("moons' options do not follow to circles").isEmpty();
        assertThat(preview.previewProperty().get().name().toLowerCase(java.util.Locale.ROOT)).contains("circle");

        model.chooseSource("csv");
        assertThat(preview.noticeProperty().get()).contains("Choose a CSV file");
        assertThat(preview.errorProperty().get()).isNull();
        assertThat(model.kindProperty().get()).isEqualTo(SourceKind.CSV);

        model.chooseSource("moons");
        assertThat(model.optionsTextProperty().get()).as("the project's own source gets its options back")
                .contains("samples = 400");
    }

    @Test
    void a_chosen_file_in_the_projects_folder_is_kept_relative_and_one_elsewhere_absolute(
            @org.junit.jupiter.api.io.TempDir Path dir) {
        Path project = dir.resolve("work/p.loom");
        model.projectDidChange(TestProjects.moons(3), Optional.of(project));
        model.chooseSource("csv");
        model.setPath(dir.resolve("work/data/flowers.csv"));
        assertThat(model.option("path")).hasValue("data/flowers.csv");
        model.setPath(dir.resolve("elsewhere.csv"));
        assertThat(model.option("path")).hasValue(dir.resolve("elsewhere.csv").toAbsolutePath().toString());
    }

    @Test
    void a_standard_dataset_not_in_the_cache_says_how_big_its_download_is_instead_of_failing(
            @org.junit.jupiter.api.io.TempDir Path dir) {
        DataChoiceViewModel choice = new DataChoiceViewModel(preview, GraphValidator.standard(), Path.of("."),
                stored::add, () -> dir);
        choice.projectDidChange(TestProjects.moons(3), Optional.empty());
        choice.setShown(true);
        choice.chooseSource("cifar-10");
        assertThat(choice.availabilityProperty().get()).contains("CIFAR-10 is not on this computer yet")
                .contains("170 MB");
        assertThat(preview.noticeProperty().get()).contains("Press Download");
        assertThat(preview.errorProperty().get()).isNull();

        choice.useForProject();
        assertThat(stored).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("cifar-10"));
        assertThat(choice.confirmationProperty().get()).isEqualTo("This project now learns from CIFAR-10 photos."
                + " It is not saved yet: Save, or Train, asks where.");

        choice.projectDidChange(TestProjects.moons(3), Optional.of(dir.resolve("moons.loom")));
        choice.chooseSource("cifar-10");
        choice.useForProject();
        assertThat(choice.confirmationProperty().get()).isEqualTo("This project now learns from CIFAR-10 photos."
                + " The project is saved.");
    }

    @Test
    void a_choice_the_project_did_not_take_is_not_confirmed() {
        DataChoiceViewModel choice = new DataChoiceViewModel(preview, GraphValidator.standard(), Path.of("."),
                refused -> false, () -> Path.of("cache"));
        choice.projectDidChange(TestProjects.moons(3), Optional.empty());
        choice.setShown(true);
        choice.chooseSource("circles");

        choice.useForProject();

        assertThat(choice.confirmationProperty().get()).as("Save As was cancelled: nothing to confirm").isEmpty();
    }
}
