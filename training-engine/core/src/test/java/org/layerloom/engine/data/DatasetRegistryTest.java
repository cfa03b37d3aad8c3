package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.data.generate.BlobsSource;
import org.layerloom.engine.project.DatasetChoice;

class DatasetRegistryTest {

    @Test
    void the_standard_registry_knows_every_built_in_source() {
        assertThat(DatasetRegistry.standard().ids()).containsExactly("spirals", "moons", "circles", "xor", "blobs",
                "curve", "shapes", "digits", "sine-forecast", "sequence-pattern", "mnist", "fashion-mnist", "cifar-10",
                "csv", "image-folder", "text", "sine-regression");
    }

    @Test
    void each_entry_carries_its_name_and_download_flag_and_an_alias_loads_its_entry() {
        DatasetRegistry standard = DatasetRegistry.standard();
        assertThat(standard.entries()).extracting(DatasetEntry::id).doesNotContain("sine-regression");
        assertThat(standard.entries()).filteredOn(DatasetEntry::downloaded).extracting(DatasetEntry::id)
                .containsExactly("mnist", "fashion-mnist", "cifar-10");
        assertThat(standard.entry("spirals").orElseThrow().displayName()).isEqualTo("Spirals (generated 2-D points)");
        assertThat(standard.find("sine-regression")).containsSame(standard.find("curve").orElseThrow());
    }

    @Test
    void a_new_dataset_is_one_entry_listed_after_the_others_and_an_entry_of_the_same_id_replaces_its_place() {
        DatasetRegistry standard = DatasetRegistry.standard();
        DatasetRegistry more = standard.with(DatasetEntry.downloaded("tiny", "Tiny blobs (download)", new BlobsSource()));
        assertThat(more.entries()).last().satisfies(e -> {
            assertThat(e.id()).isEqualTo("tiny");
            assertThat(e.downloaded()).isTrue();
        });
        DatasetRegistry replaced = more.with("spirals", new BlobsSource());
        assertThat(replaced.entries()).extracting(DatasetEntry::id).containsExactlyElementsOf(
                more.entries().stream().map(DatasetEntry::id).toList());
        assertThat(replaced.entry("spirals").orElseThrow().displayName()).isEqualTo("spirals");
    }

    @Test
    void each_call_returns_a_new_registry_and_with_adds_without_changing_the_original() {
        DatasetRegistry standard = DatasetRegistry.standard();
        assertThat(DatasetRegistry.standard()).isNotSameAs(standard);
        DatasetRegistry more = standard.with("tiny", new BlobsSource());
        assertThat(more.find("tiny")).isPresent();
        assertThat(standard.find("tiny")).isEmpty();
    }

    @Test
    void an_unknown_source_lists_the_known_ones() {
        DatasetRequest request = DatasetRequest.of(DatasetChoice.of("cifar-100"), Path.of("."), 1, 0.1);
        assertThatThrownBy(() -> DatasetRegistry.standard().load(request, ProgressListener.none()))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("There is no dataset called 'cifar-100'. Known datasets: spirals, moons, ")
                .hasMessageEndingWith(", text, sine-regression.");
    }

    @Test
    void a_project_without_data_is_told_to_choose_some() {
        DatasetRequest request = DatasetRequest.of(DatasetChoice.of(DatasetChoice.NO_DATASET), Path.of("."), 1, 0.1);
        assertThatThrownBy(() -> DatasetRegistry.standard().load(request, ProgressListener.none()))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("This project has no data yet")
                .hasMessageContaining("choose what the network learns from in the Data area");
    }

    @Test
    void a_project_dataset_choice_becomes_a_request() throws DatasetException {
        DatasetChoice choice = DatasetChoice.of("spirals").with("samples", 300).with("classes", 3).with("noise", 0.1);
        DatasetRequest request = DatasetRequest.of(choice, Path.of("."), 42, 0.2);
        List<String> steps = new ArrayList<>();
        Dataset dataset = DatasetRegistry.standard().load(request, (step, done, total) -> steps.add(step));
        assertThat(dataset.splits().totalSize()).isEqualTo(300);
        assertThat(dataset.validation().size()).isEqualTo(48);
        assertThat(steps).containsExactly("Generating Spirals");
    }

    @Test
    void a_cancelled_listener_stops_a_generated_load() {
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void progressDidChange(String step, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        DatasetRequest request = DatasetRequest.of(DatasetChoice.of("moons"), Path.of("."), 1, 0.1);
        assertThatThrownBy(() -> DatasetRegistry.standard().load(request, cancelled))
                .isInstanceOf(DatasetCancelledException.class);
    }

    @Test
    void requests_check_their_ratio_and_limit() {
        DatasetChoice choice = DatasetChoice.of("moons");
        assertThatThrownBy(() -> DatasetRequest.of(choice, Path.of("."), 1, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatasetRequest.of(choice, Path.of("."), 1, 0.1).withTrainingLimit(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void options_accept_numbers_as_text_and_reject_fractions_for_whole_numbers() throws DatasetException {
        DatasetOptions options = DatasetOptions.empty().with("a", "12").with("b", 2.5).with("c", "TRUE");
        assertThat(options.integer("a", 0, 0, 100)).isEqualTo(12);
        assertThat(options.number("b", 0, 0, 10)).isEqualTo(2.5);
        assertThat(options.flag("c", false)).isTrue();
        assertThat(options.integer("missing", 7, 0, 10)).isEqualTo(7);
        assertThatThrownBy(() -> options.integer("b", 0, 0, 10)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> options.flag("a", false)).hasMessageContaining("true or false");
    }
}
