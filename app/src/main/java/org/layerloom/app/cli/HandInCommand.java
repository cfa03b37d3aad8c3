package org.layerloom.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.layerloom.app.assignment.HandIn;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom hand-in FILE.loom [--run DIR] [--student NAME] [--out PAGE.html]}: writes the
 * self-contained hand-in page of a run, as File &gt; Hand In does. One instance per run, on the main thread.
 */
@Command(name = "hand-in", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML page for a teacher: the network, settings and seed, the loss"
                + " and accuracy curves, the confusion matrix, the assignment's goal verdicts, LayerLoom's version,"
                + " the run manifest and the SHA-256 of the run's weights. It opens in any browser without a"
                + " network. Hand in the page together with the project's NAME.runs folder (layerloom grade reads"
                + " the weights from there)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the page was written", "2:the project or the run could not be read, the project has no"
                + " run with weights, or the command line was wrong"})
final class HandInCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectFileParameter file;

    @Option(names = "--run", paramLabel = "RUN_DIR",
            description = "The run folder to hand in (in NAME.runs); by default the newest run that saved weights.")
    private Path run;

    @Option(names = "--student", paramLabel = "NAME", description = "Your name, as the teacher should see it;"
            + " by default the name you are logged in with.")
    private String student;

    @Option(names = "--out", paramLabel = "PAGE.html",
            description = "Where to write the page; by default NAME.handin.html beside the project.")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Project> project = file.read(err);
        if (project.isEmpty()) {
            return ExitCodes.UNUSABLE_INPUT;
        }
        try {
            Optional<Path> chosen = run != null ? Optional.of(run) : HandIn.newestRun(file.path());
            if (chosen.isEmpty() || !Files.isDirectory(chosen.get())) {
                err.println(chosen.isEmpty() ? "The project " + file.path() + " has no run with saved weights yet:"
                        + " train it first (layerloom train " + file.path() + ")." : "There is no run folder "
                        + chosen.get() + ".");
                err.flush();
                return ExitCodes.UNUSABLE_INPUT;
            }
            Path page = out != null ? out : HandIn.defaultPage(file.path());
            String name = student != null ? student : System.getProperty("user.name", "");
            HandIn.Result result = new HandIn(Clock.systemUTC()).write(project.get(), chosen.get(), name, page);
            for (GoalVerdict v : result.verdicts()) {
                stdout.println((v.status() == GoalVerdict.Status.UNKNOWN ? "? " : "") + v.sentence());
            }
            stdout.println("Hand-in page written to " + result.page() + " (weights " + result.record().weightsFile()
                    + ", SHA-256 " + result.record().weightsSha256() + ")");
            stdout.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
    }
}
