package org.layerloom.engine.compress;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.layerloom.engine.compile.GraphBlock;

/**
 * The 8-bit rounding of layer outputs as LayerLoom's quantized evaluation applies it: a {@link GraphBlock.NodeTap}
 * that fake-quantizes the output of every node that has a range ({@link ActivationRange#fakeQuantize}) before the
 * next nodes read it, and leaves the others as they are. Stateless; the tap runs on the thread that runs the block.
 */
public final class ActivationRounding {

    private ActivationRounding() {
    }

    /** The tap that rounds each node's output with its range in {@code ranges} (by node id). */
    public static GraphBlock.NodeTap tap(Map<String, ActivationRange> ranges) {
        return (nodeId, output) -> {
            ActivationRange range = ranges.get(nodeId);
            if (range == null) {
                return output;
            }
            float[] values = range.fakeQuantize(output.toType(DataType.FLOAT32, false).toFloatArray());
            NDArray rounded = output.getManager().create(values, output.getShape());
            return rounded;
        };
    }
}
