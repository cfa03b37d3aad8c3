package org.layerloom.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.layerloom.app.check.ProjectCheck;
import org.layerloom.app.check.ProjectChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom validate FILE.loom [--json]}: reads a project and reports on its network. One instance
 * per run, on the main thread.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the network of a project file: the shape every layer produces, its parameter count,"
                + " whether it fits the project's dataset (when that can be read without downloading), and every"
                + " problem with suggested fixes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the network is valid and fits its data (warnings allowed)",
                "1:the network has errors, or does not fit its data",
                "2:the file is missing or is not a readable project"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectFileParameter file;

    @Mixin
    private JsonOption json;

    private final ProjectChecker checker;

    ValidateCommand(ProjectChecker checker) {
        this.checker = checker;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProjectCheck check = checker.check(file.path());
        if (check instanceof ProjectCheck.Unreadable unreadable) {
            if (json.enabled()) {
                out.println(new ValidationJson().unreadable(unreadable));
                out.flush();
            } else {
                PrintWriter err = spec.commandLine().getErr();
                err.println(unreadable.message());
                err.flush();
            }
            return ExitCodes.UNUSABLE_INPUT;
        }
        ProjectCheck.Checked checked = (ProjectCheck.Checked) check;
        if (json.enabled()) {
            out.println(new ValidationJson().checked(checked));
            out.flush();
        } else {
            ValidationText.write(checked.report(), out);
            if (!checked.dataCheck().isEmpty()) {
                out.println(checked.dataCheck());
                out.flush();
            }
        }
        return checked.report().isValid() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
