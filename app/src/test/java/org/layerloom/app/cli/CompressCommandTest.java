package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.testing.TestProjects;
import org.layerloom.engine.train.history.RunHistory;
import org.layerloom.engine.train.history.RunSummary;

/** {@code layerloom compress}: the table of a trained run's smaller variants, saved variants, and bad input. */
class CompressCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_trained_run_is_pruned_fine_tuned_and_quantized_and_each_variant_is_saved_as_a_run() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(2), dir.resolve("moons.loom"));
        CliRun trained = CliRun.of("train", file.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path run = runs().get(0);

        CliRun compress = CliRun.of("compress", run.toString(), "--prune", "50,90", "--fine-tune", "--int8",
                "--float16", "--save");

        assertThat(compress.exitCode()).as(compress.err()).isZero();
        assertThat(compress.out()).contains("original accuracy", "after fine-tuning 1 epoch(s)", "   50 %", "   90 %",
                "int8: accuracy", "float16: accuracy", "largest weight error in dense");
        List<Path> all = runs();
        assertThat(all).hasSize(1 + 2 * 2 + 2);
        List<RunSummary> variants = all.stream().filter(p -> !p.equals(run)).map(p -> {
            try {
                return RunHistory.read(p);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        RunSummary original = RunHistory.read(run);
        assertThat(variants).allSatisfy(v -> {
            assertThat(v.status()).isEqualTo("completed");
            assertThat(v.testAccuracy()).isBetween(0.0, 1.0);
            assertThat(v.parameters()).isLessThanOrEqualTo(original.parameters());
        });
        assertThat(variants).anySatisfy(v -> assertThat(v.parameters()).isLessThan(original.parameters() / 2));
    }

    @Test
    void a_student_run_distils_from_a_teacher_run_and_is_saved() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(2), dir.resolve("moons.loom"));
        assertThat(CliRun.of("train", file.toString()).exitCode()).isZero();
        assertThat(CliRun.of("train", file.toString(), "--epochs", "4").exitCode()).isZero();
        List<Path> trained = runs();

        CliRun distil = CliRun.of("distil", trained.get(0).toString(), "--teacher", trained.get(1).toString(),
                "--temperature", "2", "--alpha", "0.5");
        CliRun wrong = CliRun.of("distil", trained.get(0).toString(), "--teacher", trained.get(1).toString(),
                "--alpha", "2");

        assertThat(distil.exitCode()).as(distil.err()).isZero();
        assertThat(distil.out()).contains("Teacher " + trained.get(1).getFileName(), "before", "after 1 epoch(s)",
                "saved as run");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("alpha from 0 to 1");
        assertThat(runs()).hasSize(3);
        assertThat(RunHistory.read(runs().get(2)).testAccuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void train_fine_tunes_a_pruned_run_and_learns_from_a_teacher_as_ordinary_runs() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(2), dir.resolve("moons.loom"));
        assertThat(CliRun.of("train", file.toString()).exitCode()).isZero();
        Path teacher = runs().get(0);
        assertThat(CliRun.of("compress", teacher.toString(), "--prune", "80", "--save").exitCode()).isZero();
        Path pruned = runs().get(1);

        CliRun tuned = CliRun.of("train", file.toString(), "--epochs", "1", "--start-from", pruned.toString(),
                "--hold-pruned");
        CliRun taught = CliRun.of("train", file.toString(), "--epochs", "1", "--teacher", teacher.toString(),
                "--temperature", "2", "--alpha", "0.5");
        CliRun noStart = CliRun.of("train", file.toString(), "--hold-pruned");
        CliRun badAlpha = CliRun.of("train", file.toString(), "--teacher", teacher.toString(), "--alpha", "3");

        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        assertThat(tuned.out()).contains("Started from the weights of the run " + pruned.getFileName(),
                "pruned weights are held at zero");
        assertThat(taught.exitCode()).as(taught.err()).isZero();
        assertThat(taught.out()).contains("Learning from the teacher run " + teacher.getFileName(), "T = 2");
        RunSummary tunedRun = RunHistory.read(runs().get(2));
        assertThat(tunedRun.parameters()).isEqualTo(RunHistory.read(pruned).parameters());
        assertThat(Files.readString(runs().get(3).resolve("manifest.json"))).contains("\"teacher\" : \""
                + teacher.getFileName());
        assertThat(noStart.exitCode()).isEqualTo(2);
        assertThat(noStart.err()).contains("--hold-pruned needs --start-from");
        assertThat(badAlpha.exitCode()).isEqualTo(2);
        assertThat(badAlpha.err()).contains("alpha from 0 to 1").doesNotContain("\tat ");
    }

    @Test
    void bad_input_gets_a_sentence_not_a_stack_trace() throws Exception {
        CliRun tooMuch = CliRun.of("compress", dir.toString(), "--prune", "99");
        CliRun missing = CliRun.of("compress", dir.resolve("nothing-here").toString(), "--int8");

        assertThat(tooMuch.exitCode()).isEqualTo(2);
        assertThat(tooMuch.err()).contains("--prune takes percentages from 0 to 95, not 99.0.");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nothing-here").doesNotContain("Exception", "\tat ");
    }

    private List<Path> runs() throws Exception {
        try (Stream<Path> runs = Files.list(dir.resolve("moons.runs"))) {
            return runs.filter(Files::isDirectory).sorted().toList();
        }
    }
}
