package org.layerloom.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.layerloom.app.assignment.Grade;
import org.layerloom.app.assignment.GradeReport;
import org.layerloom.app.assignment.Grader;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom grade FOLDER [--assignment TEACHER.loom] [--data DIR]}: grades every hand-in page in a
 * folder and writes {@code grades.csv} and {@code grades.html} there. One instance per run, on the main thread.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grades every hand-in in FOLDER and its sub-folders (each a NAME.handin.html page beside"
                + " the student's NAME.runs folder, as layerloom hand-in or File > Hand In wrote them). For each it"
                + " checks that the run's weights have the SHA-256 handed in, measures the weights again on the"
                + " test split (no training), and checks the assignment's goals. Writes grades.csv and grades.html"
                + " into FOLDER, one row per hand-in: PASS, FAIL (a goal missed), FLAGGED (weights changed or the"
                + " stated accuracy does not match them) or ERROR (could not be read)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:graded (whatever the grades)", "2:the folder holds no hand-in, cannot be read, or the"
                + " assignment file cannot be read"})
final class GradeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", description = "The folder with the students' hand-ins.")
    private Path folder;

    @Option(names = "--assignment", paramLabel = "TEACHER.loom", description = "Judge by the goals of this"
            + " project's assignment instead of the assignment each run was trained with.")
    private Path assignmentFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the datasets' files are on this computer,"
            + " when they are not where the students had them (for example the folder with MNIST's four files).")
    private Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("There is no folder " + folder + " to grade.");
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
        Optional<Assignment> assignment = Optional.empty();
        if (assignmentFile != null) {
            try {
                assignment = ProjectFiles.load(assignmentFile).assignment();
            } catch (ProjectFileException e) {
                err.println(e.getMessage());
                err.flush();
                return ExitCodes.UNUSABLE_INPUT;
            }
            if (assignment.isEmpty()) {
                err.println("The project " + assignmentFile + " carries no assignment to grade by. Add one with"
                        + " File > Assignment… in LayerLoom.");
                err.flush();
                return ExitCodes.UNUSABLE_INPUT;
            }
        }
        try {
            List<Path> pages = Grader.findPages(folder);
            if (pages.isEmpty()) {
                err.println("There is no hand-in page (NAME" + org.layerloom.app.assignment.HandIn.PAGE_SUFFIX
                        + ") in " + folder + " or its sub-folders.");
                err.flush();
                return ExitCodes.UNUSABLE_INPUT;
            }
            Grader grader = new Grader(assignment, Optional.ofNullable(data));
            out.println("Grading " + pages.size() + (pages.size() == 1 ? " hand-in" : " hand-ins") + " in " + folder);
            out.flush();
            List<Grade> grades = pages.stream().map(grader::grade).toList();
            GradeReport.write(grades, folder);
            out.print(GradeReport.table(grades));
            out.println("Wrote " + folder.resolve(GradeReport.CSV) + " and " + folder.resolve(GradeReport.HTML));
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("The folder " + folder + " cannot be read: " + e.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
    }
}
