package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.train.event.EpochEnded;

class RunFolderTest {

    @TempDir
    Path runs;

    @Test
    void the_history_and_a_checkpoint_position_read_back_as_written_with_nan_and_infinity() throws Exception {
        RunFolder folder = RunFolder.create(runs, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        List<EpochEnded> history = List.of(new EpochEnded(1, 0.5, Double.NaN, Double.NaN, Double.NaN, 0.01, 1.25),
                new EpochEnded(2, 0.25, 0.75, 0.3, 0.7, 0.005, 1.5));
        folder.writeMetrics(history);
        assertThat(folder.readMetrics()).isEqualTo(history);

        RunCheckpoint.Saved saved = new RunCheckpoint.Saved(RunCheckpoint.Position.START, "adam", "a", "b");
        folder.writeJson(RunCheckpoint.RESUME, saved);
        assertThat(folder.readJson(RunCheckpoint.RESUME, RunCheckpoint.Saved.class)).hasValue(saved);
        assertThat(folder.readJson("missing", RunCheckpoint.Saved.class)).isEmpty();
        assertThat(RunFolder.open(folder.dir()).readMetrics()).hasSize(2);
    }

    @Test
    void a_written_file_is_known_by_its_hash() throws Exception {
        RunFolder folder = RunFolder.create(runs, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        String hash = folder.writeBytes("optimizer.state", new byte[] {1, 2, 3});
        assertThat(folder.sha256Of("optimizer.state")).isEqualTo(hash)
                .isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    }
}
