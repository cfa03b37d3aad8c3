package org.layerloom.engine.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One named array for an {@code .npz} file: its shape, its NumPy type ({@code <f4}, little-endian float32,
 * or {@code <i8}, little-endian int64, for token ids) and its values as little-endian bytes in C order.
 * Immutable (the bytes are copied in and out); any thread.
 */
public record NpyArray(String name, long[] shape, String descr, byte[] data) {

    public static final String FLOAT32 = "<f4";
    public static final String INT64 = "<i8";

    public NpyArray {
        shape = shape.clone();
        data = data.clone();
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        int width = switch (descr) {
            case FLOAT32 -> Float.BYTES;
            case INT64 -> Long.BYTES;
            default -> throw new IllegalArgumentException("no NumPy type " + descr);
        };
        if (data.length != count * width) {
            throw new IllegalArgumentException(name + ": " + data.length + " bytes do not hold shape "
                    + Arrays.toString(shape) + " of " + descr);
        }
    }

    /** A float32 array of this shape with {@code values} in C order. */
    public static NpyArray floats(String name, long[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return new NpyArray(name, shape, FLOAT32, bytes.array());
    }

    /** An int64 array of this shape with {@code values} in C order. */
    public static NpyArray longs(String name, long[] shape, long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return new NpyArray(name, shape, INT64, bytes.array());
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The values of a float32 array, in C order. */
    public float[] floatValues() {
        if (!FLOAT32.equals(descr)) {
            throw new IllegalStateException(name + " holds " + descr + ", not float32");
        }
        float[] values = new float[data.length / Float.BYTES];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    /** The same values under another name. */
    public NpyArray named(String newName) {
        return new NpyArray(newName, shape, descr, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray other && name.equals(other.name) && Arrays.equals(shape, other.shape)
                && descr.equals(other.descr) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + descr;
    }
}
