package org.layerloom.engine.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.kernels.KernelVerdict;

/**
 * What the loaded engine is: the DJL and PyTorch versions, how many GPUs PyTorch sees, its default
 * intra-op threads and the CPU kernels it runs the layers on ({@link KernelGuard}'s verdict in a line and
 * explained, with {@code kernelsVerified} false when even the chosen kernels failed the self-test). {@link #load()} loads
 * the engine and checks the kernels if needed (half a second warm, a few seconds the first time), so call
 * it off the JavaFX thread. Immutable; any thread.
 */
public record EngineInfo(String djlVersion, String pytorchVersion, int gpus, int threads, String kernels,
        String kernelsDetail, boolean kernelsVerified) {

    /** An engine whose kernels were not checked (tests that stand in for the engine). */
    public EngineInfo(String djlVersion, String pytorchVersion, int gpus, int threads) {
        this(djlVersion, pytorchVersion, gpus, threads, "kernels not checked", "kernels not checked", true);
    }

    /** Loads the engine (once per process), checks its kernels and describes it. */
    public static EngineInfo load() {
        Engine engine = Engine.getInstance();
        KernelVerdict verdict = KernelGuard.ensure();
        return new EngineInfo(Engine.getDjlVersion(), engine.getVersion(), engine.getGpuCount(),
                JniUtils.getNumThreads(), verdict.describe(), verdict.explain(), verdict.verified());
    }

    /** "PyTorch 2.7.1, CPU" or "PyTorch 2.7.1, 1 GPU". */
    public String describe() {
        return "PyTorch " + pytorchVersion + (gpus == 0 ? ", CPU" : gpus == 1 ? ", 1 GPU" : ", " + gpus + " GPUs");
    }
}
