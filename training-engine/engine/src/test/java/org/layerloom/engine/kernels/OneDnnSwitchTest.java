package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.compile.ChannelsLast;

/**
 * The real switch inside the loaded libtorch: it is found on Linux x86-64, it reads back what was set, and
 * it changes the kernel a convolution runs on (other rounding, same values), then puts oneDNN back.
 */
class OneDnnSwitchTest {

    @Test
    void switching_onednn_off_changes_the_convolution_kernel_and_not_its_values() {
        Engine.getInstance();
        Optional<OneDnnSwitch> found = OneDnnSwitch.find();
        if (System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(found).as("libtorch_cpu's switch on Linux x86-64").isPresent();
        }
        assumeTrue(found.isPresent(), "this libtorch build does not expose the switch");
        OneDnnSwitch oneDnn = found.get();
        boolean before = oneDnn.enabled();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(0, 1, new Shape(2, 20, 6, 6), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray w = manager.randomNormal(0, 1, new Shape(8, 20, 3, 3), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray b = manager.zeros(new Shape(8));

            assertThat(oneDnn.set(true)).isTrue();
            NDArray withOneDnn = convolve(x, w, b);
            assertThat(oneDnn.set(false)).isTrue();
            assertThat(oneDnn.enabled()).isFalse();
            NDArray without = convolve(x, w, b);

            assertThat(withOneDnn.contentEquals(without)).as("another kernel, another rounding").isFalse();
            assertThat(withOneDnn.sub(without).abs().max().getFloat()).isLessThan(1e-4f);
        } finally {
            oneDnn.set(before);
        }
    }

    /**
     * On channels-last input, as the Conv2D layer convolves: there both kernels are right on every processor
     * seen, while oneDNN's for the usual layout were wrong at these channels on an AMD EPYC of family 26.
     */
    private static NDArray convolve(NDArray x, NDArray w, NDArray b) {
        return Conv2d.conv2d(ChannelsLast.of(x), w, b, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).head();
    }
}
