package org.layerloom.engine.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * What the loaded engine is: the DJL and PyTorch versions, how many GPUs PyTorch sees and its default
 * intra-op threads. {@link #load()} loads the engine if needed (half a second warm, a few seconds the
 * first time), so call it off the JavaFX thread. Immutable; any thread.
 */
public record EngineInfo(String djlVersion, String pytorchVersion, int gpus, int threads) {

    /** Loads the engine (once per process) and describes it. */
    public static EngineInfo load() {
        Engine engine = Engine.getInstance();
        return new EngineInfo(Engine.getDjlVersion(), engine.getVersion(), engine.getGpuCount(),
                JniUtils.getNumThreads());
    }

    /** "PyTorch 2.7.1, CPU" or "PyTorch 2.7.1, 1 GPU". */
    public String describe() {
        return "PyTorch " + pytorchVersion + (gpus == 0 ? ", CPU" : gpus == 1 ? ", 1 GPU" : ", " + gpus + " GPUs");
    }
}
