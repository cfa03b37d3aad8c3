package org.layerloom.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;

class DataPreviewViewModelTest {

    private final List<Runnable> backgroundJobs = new ArrayList<>();
    private final DataPreviewViewModel model = new DataPreviewViewModel(DatasetRegistry.standard(),
            backgroundJobs::add, Runnable::run);

    private static DatasetRequest request(String source, Map<String, Object> options) {
        return new DatasetRequest(source, DatasetOptions.of(options), Path.of("."), 1, 0.1, OptionalInt.empty());
    }

    @Test
    void the_preview_is_built_in_the_background_and_published_before_busy_clears() {
        model.load(request("shapes", Map.of("samples", 100)), Optional.empty());
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.previewProperty().get()).isNull();
        List<Boolean> previewSetWhenIdle = new ArrayList<>();
        model.busyProperty().addListener((o, was, busy) -> previewSetWhenIdle.add(model.previewProperty().get() != null));
        backgroundJobs.get(0).run();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(previewSetWhenIdle).containsExactly(true);
        assertThat(model.previewProperty().get().images()).hasSize(16);
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void a_failed_load_publishes_the_message_for_the_student() {
        model.load(request("csv", Map.of("path", "nowhere/data.csv")), Optional.empty());
        backgroundJobs.get(0).run();
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.errorProperty().get()).contains("nowhere/data.csv").contains("nothing is there");
    }

    @Test
    void only_the_last_load_is_shown_and_the_superseded_one_is_cancelled() {
        model.load(request("shapes", Map.of("samples", 100)), Optional.empty());
        model.load(request("moons", Map.of()), Optional.empty());
        backgroundJobs.get(0).run();
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.busyProperty().get()).isTrue();
        backgroundJobs.get(1).run();
        assertThat(model.previewProperty().get().name()).isEqualTo("Moons");
    }
}
