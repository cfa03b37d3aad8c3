package org.layerloom.engine.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * One named array for an {@code .npz} file: its shape, its NumPy type ({@code <f4} little-endian float32,
 * {@code <f8} float64, {@code <i8} int64 for token ids and labels, {@code |u1} uint8 for pixels, or
 * {@code <Un} unicode strings of at most n code points, UTF-32LE, for vocabularies and class names) and its
 * values as little-endian bytes in C order. Immutable (the bytes are copied in and out); any thread.
 */
public record NpyArray(String name, long[] shape, String descr, byte[] data) {

    public static final String FLOAT32 = "<f4";
    public static final String INT64 = "<i8";
    public static final String FLOAT64 = "<f8";
    public static final String UINT8 = "|u1";

    public NpyArray {
        shape = shape.clone();
        data = data.clone();
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        long width = width(descr);
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

    /** A float64 array of this shape with {@code values} in C order ({@code shape} {} for a scalar). */
    public static NpyArray doubles(String name, long[] shape, double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        return new NpyArray(name, shape, FLOAT64, bytes.array());
    }

    /** A uint8 array of this shape with {@code values} (read as 0..255) in C order. */
    public static NpyArray bytes(String name, long[] shape, byte[] values) {
        return new NpyArray(name, shape, UINT8, values);
    }

    /**
     * A one-dimensional unicode array ({@code <Un}, n the longest string's code points, at least 1) of
     * {@code values}, which {@code numpy.load(..., allow_pickle=False)} reads as a {@code str_} array.
     */
    public static NpyArray strings(String name, java.util.List<String> values) {
        int longest = Math.max(1, values.stream().mapToInt(v -> v.codePointCount(0, v.length())).max().orElse(1));
        ByteBuffer bytes = ByteBuffer.allocate(values.size() * longest * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        IntBuffer codes = bytes.asIntBuffer();
        for (int i = 0; i < values.size(); i++) {
            codes.position(i * longest);
            values.get(i).codePoints().forEach(codes::put);
        }
        return new NpyArray(name, new long[] {values.size()}, "<U" + longest, bytes.array());
    }

    /** The bytes one value of NumPy type {@code descr} takes. */
    private static long width(String descr) {
        return switch (descr) {
            case FLOAT32 -> Float.BYTES;
            case INT64, FLOAT64 -> Long.BYTES;
            case UINT8 -> 1;
            default -> {
                if (descr.matches("<U[1-9][0-9]{0,8}")) {
                    yield (long) Integer.BYTES * Integer.parseInt(descr.substring(2));
                }
                throw new IllegalArgumentException("no NumPy type " + descr);
            }
        };
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
