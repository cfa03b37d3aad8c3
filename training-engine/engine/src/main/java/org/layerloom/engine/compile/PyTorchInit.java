package org.layerloom.engine.compile;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;

/**
 * Gives Dense and convolution weights PyTorch's default initialisation, U(−1/√fan_in, 1/√fan_in), so a
 * network here starts (and learns) like the same network in PyTorch. DJL's own default (Xavier with
 * magnitude 6) starts about three times wider for a 784→64 layer and learns MNIST measurably slower.
 * Stateless.
 */
final class PyTorchInit {

    private PyTorchInit() {
    }

    static <B extends Block> B weights(B block) {
        block.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.IN, 1), Parameter.Type.WEIGHT);
        return block;
    }
}
