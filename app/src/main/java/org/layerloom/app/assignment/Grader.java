package org.layerloom.app.assignment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.GoalCheck;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.assignment.NetworkFacts;
import org.layerloom.engine.assignment.RunFacts;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.train.RunData;
import org.layerloom.engine.train.RunFolder;
import org.layerloom.engine.train.SavedRun;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.history.RunFiles;

/**
 * Grades hand-ins: for each hand-in page it finds the run, compares the SHA-256 of its weights with the one
 * handed in, measures the weights again on the test split (no training) and checks the assignment's goals.
 * Reads files and runs the engine on the calling thread, so never on the JavaFX thread.
 */
public final class Grader {

    /** Accuracies closer than this are the same (the engine's summing order may differ in the last digits). */
    static final double ACCURACY_TOLERANCE = 5e-4;
    private static final int MAX_DEPTH = 6;

    private final Optional<Assignment> teacherAssignment;
    private final Optional<Path> dataFolder;

    /**
     * @param teacherAssignment the goals to judge by; empty to use the assignment each run was trained with
     * @param dataFolder        where the datasets' files are on this machine, when not where the students had them
     */
    public Grader(Optional<Assignment> teacherAssignment, Optional<Path> dataFolder) {
        this.teacherAssignment = teacherAssignment;
        this.dataFolder = dataFolder;
    }

    /** Every hand-in page ({@code *.handin.html}) in {@code folder} and its sub-folders, by path. */
    public static List<Path> findPages(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder, MAX_DEPTH)) {
            return files.filter(p -> p.getFileName().toString().endsWith(HandIn.PAGE_SUFFIX))
                    .filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** The grades of every hand-in in {@code folder}, one per page, in the order of their paths. */
    public List<Grade> gradeAll(Path folder) throws IOException {
        List<Grade> grades = new ArrayList<>();
        for (Path page : findPages(folder)) {
            grades.add(grade(page));
        }
        return grades;
    }

    /** The grade of one hand-in page; every problem becomes a row with a note, never an exception. */
    public Grade grade(Path page) {
        String fallbackStudent = page.getParent() == null ? "" : page.getParent().getFileName().toString();
        HandInRecord record;
        try {
            record = HandInRecord.read(Files.readString(page, StandardCharsets.UTF_8)).orElse(null);
            if (record == null) {
                return error(page, fallbackStudent, "it is not a LayerLoom hand-in page (no hand-in data inside)");
            }
        } catch (IOException e) {
            return error(page, fallbackStudent, e.getMessage());
        }
        String student = record.student() == null || record.student().isBlank() ? fallbackStudent : record.student();
        Path runFolder = page.toAbsolutePath().getParent().resolve(record.run()).normalize();
        Path weights = runFolder.resolve(record.weightsFile());
        if (!Files.isRegularFile(weights)) {
            return new Grade(page, student, record.project(), record.run(), Grade.Weights.MISSING, Double.NaN,
                    record.testAccuracy(), List.of(), Grade.Result.FLAGGED, "the weights " + weights + " are missing");
        }
        Grade.Weights match;
        try {
            match = RunFiles.open(runFolder).sha256Of(record.weightsFile()).equalsIgnoreCase(record.weightsSha256())
                    ? Grade.Weights.MATCH : Grade.Weights.CHANGED;
        } catch (IOException e) {
            return new Grade(page, student, record.project(), record.run(), Grade.Weights.UNKNOWN, Double.NaN,
                    record.testAccuracy(), List.of(), Grade.Result.ERROR, "the weights cannot be read: "
                    + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        if (match == Grade.Weights.CHANGED) {
            notes.add("the weights file " + record.weightsFile() + " is not the one handed in (its SHA-256 differs)");
        }
        try (SavedRun run = SavedRun.open(runFolder)) {
            double accuracy = measure(run, notes);
            Assignment assignment = teacherAssignment.or(() -> run.project().assignment())
                    .orElse(Assignment.empty());
            RunFacts facts = new RunFacts(RunFolder.open(runFolder).readMetrics(),
                    Double.isNaN(accuracy) ? OptionalDouble.empty() : OptionalDouble.of(accuracy));
            List<GoalVerdict> verdicts = GoalCheck.checkAll(assignment, NetworkFacts.of(run.project().graph()),
                    Optional.of(facts));
            boolean accuracyDiffers = !Double.isNaN(accuracy) && !Double.isNaN(record.testAccuracy())
                    && Math.abs(accuracy - record.testAccuracy()) > ACCURACY_TOLERANCE;
            if (accuracyDiffers) {
                notes.add(String.format(java.util.Locale.ROOT, "the hand-in states a test accuracy of %.4f, but its"
                        + " weights give %.4f", record.testAccuracy(), accuracy));
            }
            Grade.Result result = match != Grade.Weights.MATCH || accuracyDiffers ? Grade.Result.FLAGGED
                    : GoalCheck.allMet(verdicts) ? Grade.Result.PASS : Grade.Result.FAIL;
            return new Grade(page, student, record.project(), record.run(), match, accuracy, record.testAccuracy(),
                    verdicts, result, String.join("; ", notes));
        } catch (IOException | RuntimeException e) {
            notes.add("the run cannot be measured again: " + e.getMessage());
            return new Grade(page, student, record.project(), record.run(), match, Double.NaN, record.testAccuracy(),
                    List.of(), match == Grade.Weights.MATCH ? Grade.Result.ERROR : Grade.Result.FLAGGED,
                    String.join("; ", notes));
        }
    }

    /** The test accuracy of the run's weights on its own test split, or NaN (with a note) when it cannot be had. */
    private double measure(SavedRun run, List<String> notes) throws IOException {
        RunData data = RunData.of(run);
        if (dataFolder.isPresent() && data.readsFiles()) {
            data = data.relocatedTo(dataFolder.get());
        }
        RunData.Outcome outcome = data.load(ProgressListener.none());
        if (!outcome.isLoaded()) {
            notes.add(outcome.message());
            return Double.NaN;
        }
        TestMetrics metrics = run.evaluate(outcome.dataset(), outcome.dataset().test());
        return metrics.isClassification() ? metrics.accuracy() : Double.NaN;
    }

    private static Grade error(Path page, String student, String why) {
        return new Grade(page, student, "", "", Grade.Weights.UNKNOWN, Double.NaN, Double.NaN, List.of(),
                Grade.Result.ERROR, page.getFileName() + " cannot be graded: " + why);
    }
}
