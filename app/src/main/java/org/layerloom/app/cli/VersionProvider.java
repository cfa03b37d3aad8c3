package org.layerloom.app.cli;

import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.kernels.KernelVerdict;
import org.layerloom.engine.kernels.MachineKey;
import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code layerloom --version}: LayerLoom's version from the jar, the Java running it, and the
 * engine with the CPU kernels it chose on this machine (which loads the engine and runs the kernel
 * self-test, about a second).
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "LayerLoom " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ") on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"),
            engineLine()
        };
    }

    private static String engineLine() {
        try {
            KernelVerdict verdict = KernelGuard.ensure();
            MachineKey machine = verdict.machine();
            return "DJL " + machine.djl() + ", PyTorch " + machine.pytorch() + " on " + machine.processor()
                    + "; kernels: " + verdict.describe();
        } catch (RuntimeException | LinkageError e) {
            return "Engine: the PyTorch engine could not be loaded (" + e.getMessage() + ")";
        }
    }
}
