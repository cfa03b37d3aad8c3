package org.layerloom.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.layerloom.engine.compress.CompressibleRun;
import org.layerloom.engine.compress.Distillation;
import org.layerloom.engine.compress.VariantRuns;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.train.RunData;
import org.layerloom.engine.train.SavedRun;
import org.layerloom.engine.train.event.TestMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom distil STUDENT_RUN --teacher TEACHER_RUN [--epochs N] [--temperature T] [--alpha A]}: trains a
 * student run further on its data while it learns from a teacher run's logits, and saves the result as a run.
 * One instance per run, on the main thread.
 */
@Command(name = "distil", mixinStandardHelpOptions = true,
        description = {"Trains a saved run (the student, usually a smaller network) further on its own data while it"
                + " learns from another run (the teacher): the loss is alpha * T^2 * KL(softmax(teacher / T) ||"
                + " softmax(student / T)) + (1 - alpha) * cross-entropy. The result is saved as a run beside the"
                + " student's, and its test accuracy is printed beside the teacher's."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:distilled and saved", "2:a run or its data could not be read, the runs do not fit each"
                + " other, or the command line was wrong"})
final class DistilCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDENT_RUN", description = "The run to train further (in NAME.runs).")
    private Path studentFolder;

    @Option(names = "--teacher", required = true, paramLabel = "TEACHER_RUN", description = "The run to learn from.")
    private Path teacherFolder;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1", description = "Epochs (default: 1).")
    private int epochs;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "4", description = "T (default: 4).")
    private double temperature;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.7",
            description = "The weight of the teacher's term, 0 to 1 (default: 0.7).")
    private double alpha;

    @Option(names = "--rate", paramLabel = "RATE", description = "The learning rate (default: the student run's).")
    private double rate = Double.NaN;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (epochs < 1) {
            err.println("--epochs must be at least 1, not " + epochs + ".");
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
        try (CompressibleRun student = CompressibleRun.open(studentFolder);
             SavedRun teacher = SavedRun.open(teacherFolder)) {
            RunData.Outcome loaded = RunData.of(student.run()).load(ProgressListener.none());
            if (!loaded.isLoaded()) {
                err.println(loaded.message());
                err.flush();
                return ExitCodes.UNUSABLE_INPUT;
            }
            Dataset dataset = loaded.dataset();
            double teacherAccuracy = teacher.evaluate(dataset, dataset.test()).accuracy();
            double before = student.evaluate(dataset, dataset.test(), null).accuracy();
            Distillation.distil(student, teacher, dataset, epochs, rate, temperature, alpha, done -> { });
            TestMetrics after = student.evaluate(dataset, dataset.test(), null);
            Path saved = VariantRuns.save(student, "distilled", String.format(Locale.ROOT,
                    "run %s trained %d epoch(s) learning from run %s (T %s, alpha %s)", student.run().runId(), epochs,
                    teacher.runId(), temperature, alpha), after, Map.of("teacher", teacher.runId(), "temperature",
                    temperature, "alpha", alpha, "epochs", epochs));
            out.printf(Locale.ROOT, "Teacher %s: %.2f %%. Student %s: %.2f %% before, %.2f %% after %d epoch(s) of"
                    + " distillation; saved as run %s.%n", teacher.runId(), 100 * teacherAccuracy,
                    student.run().runId(), 100 * before, 100 * after.accuracy(), epochs, saved.getFileName());
            out.flush();
            return ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
    }
}
