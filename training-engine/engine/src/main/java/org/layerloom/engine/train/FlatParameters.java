package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The trainable parameters of a network laid end to end in one flat array, so that an optimizer updates all
 * of them with a dozen operations a step instead of a dozen per parameter tensor ({@link ParameterUpdater}):
 * Adam on the MLP benchmark's 6 tensors runs 12 element-wise operations a batch instead of 72. Each
 * parameter keeps its own array object (DJL's trainer and parameter store hold on to it), whose memory is
 * moved into its part of the flat array: {@link #bind} copies the values there, then points the parameter's
 * tensor at that part. Its gradient stays its own array.
 *
 * <p>Values changed in place (training, weight averaging, masks) stay bound. {@code NDArray.set(Buffer)} (as
 * {@code TorchStateDict.load} writes weights, e.g. a pruning mask after every fine-tuning step) points a
 * tensor at other memory; {@link #repair()}, called before every update, finds such a parameter by its
 * memory address, copies its values into its part and points it back, so no update is lost. Only float32
 * parameters on the CPU are bound (elsewhere {@code set} copies instead of pointing). The flat array
 * belongs to the parameters' manager and lives as long as the network. Worker thread only.
 */
public final class FlatParameters {

    private final NDArray flat;
    private final NDArray[] views;
    private final ByteBuffer memory;
    private final long address;
    private final int[] offsets;

    private FlatParameters(NDArray flat, NDArray[] views, ByteBuffer memory, int[] offsets) {
        this.flat = flat;
        this.views = views;
        this.memory = memory;
        this.address = addressOf(memory);
        this.offsets = offsets;
    }

    /**
     * Moves {@code parameters} (all initialised) into one flat array, in their order, keeping their values.
     *
     * @return the binding, or empty when they cannot share one (fewer than two, not all float32 on the CPU)
     */
    public static Optional<FlatParameters> bind(Parameter... parameters) {
        if (parameters.length < 2) {
            return Optional.empty();
        }
        NDArray[] arrays = new NDArray[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arrays[i] = parameters[i].getArray();
            if (!(arrays[i] instanceof PtNDArray) || arrays[i].getDataType() != DataType.FLOAT32
                    || !arrays[i].getDevice().equals(Device.cpu())) {
                return Optional.empty();
            }
        }
        NDList rows = new NDList(arrays.length);
        for (NDArray array : arrays) {
            rows.add(array.reshape(-1));
        }
        NDArray flat = NDArrays.concat(rows);
        rows.close();
        flat.attach(arrays[0].getManager());
        ByteBuffer memory = JniUtils.getByteBuffer((PtNDArray) flat, true);
        int[] offsets = new int[arrays.length + 1];
        for (int i = 0; i < arrays.length; i++) {
            offsets[i + 1] = offsets[i] + Math.toIntExact(arrays[i].size() * Float.BYTES);
            // The tensor keeps its shape, gradient and handle; its values now live in the flat array.
            JniUtils.set((PtNDArray) arrays[i], memory.slice(offsets[i], offsets[i + 1] - offsets[i]));
        }
        return Optional.of(new FlatParameters(flat, arrays, memory, offsets));
    }

    /**
     * Binds again every parameter whose tensor was pointed at other memory since (by {@code NDArray.set}):
     * copies its values into its part of the flat array and points it back there.
     *
     * @return how many parameters were bound again
     */
    int repair() {
        int repaired = 0;
        for (int i = 0; i < views.length; i++) {
            ByteBuffer own = JniUtils.getByteBuffer((PtNDArray) views[i], true);
            if (addressOf(own) != address + offsets[i]) {
                ByteBuffer part = memory.slice(offsets[i], offsets[i + 1] - offsets[i]);
                part.put(own.rewind());
                JniUtils.set((PtNDArray) views[i], part.rewind());
                repaired++;
            }
        }
        return repaired;
    }

    private static long addressOf(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    /** All bound values, end to end: updating it in place updates every parameter. */
    public NDArray array() {
        return flat;
    }

    /** The number of parameters bound. */
    public int size() {
        return views.length;
    }

    /** Whether {@code parameters} are still, one for one and in order, the arrays this binding moved. */
    boolean binds(Parameter[] parameters) {
        if (parameters.length != views.length) {
            return false;
        }
        for (int i = 0; i < views.length; i++) {
            if (parameters[i].getArray() != views[i]) {
                return false;
            }
        }
        return true;
    }
}
