package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * The backward pass of a training step's loss, seeded with a scalar one made once per run instead of the new array
 * of ones that DJL's {@code GradientCollector.backward} makes for every batch (a native call, and a copy to the
 * loss's device). A loss that is not a float32 scalar of libtorch on the seed's device goes through the collector as
 * before. Life-cycle: one per training loop; the seed belongs to the manager it was made in. Worker thread only,
 * inside an open collector.
 */
public final class LossBackward {

    private final NDArray one;

    /** @param manager where the seed lives (on the device the network trains on), for as long as the loop runs */
    public LossBackward(NDManager manager) {
        this.one = manager.ones(new Shape());
    }

    /** Backpropagates {@code loss} from {@code d loss / d loss = 1}, into the gradients {@code collector} records. */
    public void run(GradientCollector collector, NDArray loss) {
        if (loss instanceof PtNDArray pt && one instanceof PtNDArray seed && loss.getDataType() == DataType.FLOAT32
                && loss.getShape().isScalar() && loss.getDevice().equals(one.getDevice())) {
            JniUtils.backward(pt, seed, false, false);
            return;
        }
        collector.backward(loss);
    }
}
