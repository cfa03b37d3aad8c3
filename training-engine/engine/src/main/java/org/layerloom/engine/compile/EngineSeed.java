package org.layerloom.engine.compile;

import ai.djl.engine.Engine;

/**
 * Seeds the random generators of the DJL engine (PyTorch's global generator and DJL's own), so that
 * initialising the same compiled graph again gives the same parameters. The seed is global to the
 * engine: call it on the training worker thread right before {@code initialize}, with nothing else
 * drawing random numbers in between.
 */
public final class EngineSeed {

    private EngineSeed() {
    }

    public static void set(int seed) {
        Engine.getInstance().setRandomSeed(seed);
    }
}
