package org.layerloom.app.assignment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.layerloom.editor.export.SvgExporter;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.GoalCheck;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.assignment.NetworkFacts;
import org.layerloom.engine.assignment.RunFacts;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.project.AtomicFileWriter;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.history.RunFiles;
import org.layerloom.engine.train.history.RunHistory;
import org.layerloom.engine.train.history.RunSummary;

/**
 * Hands in one run of a project: writes the self-contained hand-in page ({@link HandInPage}) with the goal
 * verdicts of the project's assignment and the SHA-256 of the run's weights. Reads and writes files, so call
 * it off the JavaFX thread; one call at a time per page.
 */
public final class HandIn {

    /** The page written and what it says. */
    public record Result(Path page, HandInRecord record, List<GoalVerdict> verdicts) {
    }

    /** The usual name of the page beside {@code NAME.loom}: {@code NAME.handin.html}. */
    public static final String PAGE_SUFFIX = ".handin.html";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    public HandIn(Clock clock) {
        this.clock = clock;
    }

    /** The default page of {@code projectFile}: {@code NAME.handin.html} beside it. */
    public static Path defaultPage(Path projectFile) {
        String name = projectFile.getFileName().toString().replaceFirst("\\.loom$", "");
        return projectFile.resolveSibling(name + PAGE_SUFFIX);
    }

    /**
     * The newest run of the project that saved parameters, or empty when it has none.
     *
     * @throws IOException when the runs folder cannot be listed
     */
    public static Optional<Path> newestRun(Path projectFile) throws IOException {
        for (RunSummary run : RunHistory.list(RunFiles.runsRootOf(projectFile))) {
            if (weightsOf(run.folder()).isPresent()) {
                return Optional.of(run.folder());
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the hand-in page of {@code runFolder} to {@code page}.
     *
     * @param project the project as the student has it now; its assignment is judged (or the run's, when the
     *                project carries none)
     * @throws IOException with a sentence for the student when the run has no weights or cannot be read
     */
    public Result write(Project project, Path runFolder, String student, Path page) throws IOException {
        RunSummary summary = RunHistory.read(runFolder);
        if ("damaged".equals(summary.status())) {
            throw new IOException("The run " + runFolder.getFileName() + " cannot be handed in: its manifest or"
                    + " metrics are damaged.");
        }
        Project trained = summary.project().orElseThrow(() -> new IOException("The run "
                + runFolder.getFileName() + " cannot be handed in: its manifest holds no project."));
        String weights = weightsOf(runFolder).orElseThrow(() -> new IOException("The run "
                + runFolder.getFileName() + " cannot be handed in: it saved no weights (it ended before its first"
                + " epoch)."));
        RunFiles files = RunFiles.open(runFolder);
        Map<String, Object> test = files.readJson("test");
        Assignment assignment = project.assignment().or(trained::assignment).orElse(Assignment.empty());
        OptionalDouble accuracy = Double.isNaN(summary.testAccuracy()) ? OptionalDouble.empty()
                : OptionalDouble.of(summary.testAccuracy());
        List<GoalVerdict> verdicts = GoalCheck.checkAll(assignment, NetworkFacts.of(trained.graph()),
                Optional.of(new RunFacts(summary.epochs(), accuracy)));
        Path pageFolder = page.toAbsolutePath().getParent();
        String run = pageFolder.relativize(runFolder.toAbsolutePath()).toString().replace('\\', '/');
        Map<String, Object> manifest = files.readJson("manifest");
        HandInRecord record = new HandInRecord(HandInRecord.FORMAT, student, project.name(), assignment.title(), run,
                weights, files.sha256Of(weights), summary.testAccuracy(), version(),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        List<EpochEnded> epochs = summary.epochs();
        HandInPage.Content content = new HandInPage.Content(record, trained, assignment, verdicts,
                graphSvg(trained), series(epochs, EpochEnded::trainLoss), series(epochs, EpochEnded::validationLoss),
                series(epochs, EpochEnded::trainAccuracy), series(epochs, EpochEnded::validationAccuracy),
                classNames(test), confusion(test),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        AtomicFileWriter.write(page, HandInPage.html(content).getBytes(StandardCharsets.UTF_8));
        return new Result(page, record, verdicts);
    }

    /** {@code best.params}, or {@code last.params} when the run judged no epoch best, or empty without either. */
    static Optional<String> weightsOf(Path runFolder) {
        for (String name : List.of("best.params", "last.params")) {
            if (Files.isRegularFile(runFolder.resolve(name))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The version of this LayerLoom. */
    static String version() {
        String version = HandIn.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** The network as inline SVG (the namespace attribute dropped: HTML needs none, and it is not a link). */
    private static String graphSvg(Project trained) {
        return new SvgExporter(LayerCatalog.standard()).toSvg(GraphValidator.standard().validate(trained.graph()))
                .replace(" xmlns=\"http://www.w3.org/2000/svg\"", "");
    }

    private static double[] series(List<EpochEnded> epochs, java.util.function.ToDoubleFunction<EpochEnded> value) {
        return epochs.stream().mapToDouble(value).toArray();
    }

    private static List<String> classNames(Map<String, Object> test) {
        List<String> names = new ArrayList<>();
        if (test.get("classNames") instanceof List<?> list) {
            list.forEach(n -> names.add(String.valueOf(n)));
        }
        return names;
    }

    private static int[][] confusion(Map<String, Object> test) {
        if (!(test.get("confusion") instanceof List<?> rows)) {
            return new int[0][];
        }
        int[][] result = new int[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r) instanceof List<?> l ? l : List.of();
            result[r] = row.stream().mapToInt(v -> v instanceof Number n ? n.intValue() : 0).toArray();
        }
        return result;
    }
}
