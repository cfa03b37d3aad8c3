package org.layerloom.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.layerloom.engine.kernels.CaseResult;
import org.layerloom.engine.kernels.KernelChoice;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.kernels.KernelSelfTest;
import org.layerloom.engine.kernels.KernelVerdict;
import org.layerloom.engine.kernels.SelfTestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code layerloom kernels [--compare]}: the CPU kernel self-test in full: the engine's verdict on this
 * machine, then every case (forward and gradient error against plain Java) with the chosen kernels, and
 * with {@code --compare} also with each kernel choice. Exit code 1 when the chosen kernels fail. Main thread.
 */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = {"Checks that the CPU kernels compute what they should on this computer: convolutions"
                + " and recurrent layers, forward and backward (recurrent layers also as inference runs them), against"
                + " a plain-Java reference.",
                "LAYERLOOM_KERNELS=auto|default|onednn-off chooses the policy (default: auto)."})
final class KernelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--compare", description = "Also run the self-test with each kernel choice: oneDNN on, oneDNN off,"
            + " oneDNN for training LSTMs and checked convolution networks.")
    private boolean compare;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KernelVerdict verdict = KernelGuard.ensure();
        out.println("Processor: " + verdict.machine().processor() + " (key " + verdict.machine().digest() + ")");
        out.println("Kernels:   " + verdict.describe()
                + (verdict.remembered() ? " (remembered from " + verdict.checkedAt() + ")" : ""));
        out.println("Self-test at start: " + verdict.millis() + " ms");
        print(out, "chosen kernels", KernelSelfTest.run());
        if (compare) {
            for (KernelChoice choice : KernelChoice.values()) {
                if (KernelGuard.useForComparison(choice)) {
                    print(out, choice.label(), KernelSelfTest.run());
                } else {
                    out.println(choice.label() + ": cannot be switched on this build of libtorch");
                }
            }
            KernelGuard.restore();
        }
        out.flush();
        return verdict.verified() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void print(PrintWriter out, String title, SelfTestReport report) {
        out.println();
        out.println(title + ": " + report.summary());
        for (CaseResult result : report.cases()) {
            out.println("  " + (result.passed() ? "ok    " : "WRONG ") + result.describe());
        }
    }
}
