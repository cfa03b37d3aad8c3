package org.layerloom.app.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.layerloom.app.cli.Cli;
import org.layerloom.engine.compress.LayerSparsity;
import org.layerloom.engine.testing.TestProjects;

/** "Make it smaller" on a trained run, with same-thread executors and no toolkit. */
class MakeSmallerViewModelTest {

    @TempDir
    Path dir;

    @Test
    void the_slider_prunes_and_measures_and_the_buttons_save_smaller_runs() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(2), dir.resolve("moons.loom"));
        StringWriter err = new StringWriter();
        int trained = Cli.create(options -> { }, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("train", file.toString());
        assertThat(trained).as(err.toString()).isZero();
        Path run = runs().get(0);
        Executor now = Runnable::run;
        List<Path> handedOver = new java.util.ArrayList<>();
        MakeSmallerViewModel model = new MakeSmallerViewModel(now, now, handedOver::add);

        model.open(run);
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.readyProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).startsWith("Pruned 0 %: test accuracy");

        model.preview(80);
        assertThat(model.summaryProperty().get()).startsWith("Pruned 80 %").contains("non-zero");
        List<LayerSparsity> layers = List.copyOf(model.layers());
        long parameters = layers.stream().mapToLong(LayerSparsity::parameters).sum();
        long nonZero = layers.stream().mapToLong(LayerSparsity::nonZero).sum();
        assertThat(nonZero).isLessThan(parameters / 2); // 80 % of the weights; the biases are kept

        model.savePruned();
        assertThat(model.messageProperty().get()).startsWith("Saved as run");
        model.fineTune();
        assertThat(model.messageProperty().get()).startsWith("Saved the pruned network as run")
                .contains("fine-tuning for one epoch in the Train area");
        // The Train area gets the pruned run, saved with its zeros, to fine-tune as an ordinary run.
        assertThat(handedOver).singleElement().satisfies(pruned -> {
            assertThat(pruned).isDirectory();
            assertThat(Files.readString(pruned.resolve("manifest.json"))).contains("\"kind\" : \"pruned\"");
        });
        model.quantize();
        assertThat(model.messageProperty().get()).startsWith("int8: test accuracy").contains("bytes instead of", "Saved as run");
        model.quantizeHalf();
        assertThat(model.messageProperty().get()).startsWith("float16: test accuracy").contains("Saved as run");
        assertThat(runs()).hasSize(1 + 1 + 1 + 1 + 1);
        model.close();
    }

    private List<Path> runs() throws Exception {
        try (Stream<Path> runs = Files.list(dir.resolve("moons.runs"))) {
            return runs.filter(Files::isDirectory).sorted().toList();
        }
    }
}
