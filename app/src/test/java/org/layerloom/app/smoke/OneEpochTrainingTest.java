package org.layerloom.app.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.samples.SampleCatalog;

class OneEpochTrainingTest {

    @TempDir
    Path folder;

    @Test
    void trains_the_spirals_sample_for_exactly_one_epoch_and_saves_the_run_beside_it() throws Exception {
        SampleCatalog catalog = SampleCatalog.standard();
        Path file = catalog.copyTo(catalog.byId("spirals").orElseThrow(), folder);

        OneEpochTraining.Result result = new OneEpochTraining(120).train(file);

        assertThat(result.epoch().epoch()).isEqualTo(1);
        assertThat(result.epoch().trainLoss()).isFinite().isPositive();
        assertThat(result.finished().epochsDone()).isEqualTo(1);
        assertThat(Path.of(result.finished().runFolder())).isDirectory().startsWith(folder);
    }

    @Test
    void says_which_file_cannot_be_read() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.loom"), "{ \"format\": ");

        assertThatThrownBy(() -> new OneEpochTraining(120).train(broken))
                .isInstanceOf(SmokeFailure.class).hasMessageContaining("broken.loom").hasMessageContaining("cannot be read");
    }
}
