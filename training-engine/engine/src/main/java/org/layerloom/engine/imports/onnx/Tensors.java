package org.layerloom.engine.imports.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import onnx.Onnx.TensorProto;

/**
 * Decodes ONNX {@code TensorProto}s (initializers and {@code Constant} values) into {@link Tensor}s:
 * float32, float64 and the integer types, from {@code raw_data} (little-endian) or the typed fields.
 * Tensors stored in external files, strings and other types are refused with a sentence naming the
 * tensor. Stateless.
 */
final class Tensors {

    /** Refuse constants larger than this many values (a guard against absurd dims in a broken file). */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private Tensors() {
    }

    static Tensor decode(TensorProto t, String owner) throws ImportFailure {
        String name = t.getName().isEmpty() ? owner : t.getName();
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new ImportFailure(owner, "", "the tensor " + name + " is stored in an external file; save the"
                    + " model with its weights inside (one .onnx file) and import that.");
        }
        long[] shape = new long[t.getDimsCount()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = t.getDims(i);
            if (shape[i] < 0) {
                throw new ImportFailure(owner, "", "the tensor " + name + " has a negative size " + shape[i] + ".");
            }
            if (shape[i] != 0 && count > MAX_VALUES / shape[i]) {
                throw new ImportFailure(owner, "", "the tensor " + name + " is too large to import.");
            }
            count *= shape[i];
        }
        int n = (int) count;
        int type = t.getDataType();
        boolean raw = !t.getRawData().isEmpty();
        ByteBuffer bytes = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case TensorProto.DataType.FLOAT_VALUE -> {
                if (raw) {
                    requireBytes(bytes, n, Float.BYTES, name, owner);
                } else {
                    requireCount(t.getFloatDataCount(), n, name, owner);
                }
                float[] v = new float[n];
                if (raw) {
                    bytes.asFloatBuffer().get(v);
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = t.getFloatData(i);
                    }
                }
                return Tensor.ofFloats(shape, v);
            }
            case TensorProto.DataType.DOUBLE_VALUE -> {
                if (raw) {
                    requireBytes(bytes, n, Double.BYTES, name, owner);
                } else {
                    requireCount(t.getDoubleDataCount(), n, name, owner);
                }
                float[] v = new float[n];
                if (raw) {
                    for (int i = 0; i < n; i++) {
                        v[i] = (float) bytes.getDouble(i * Double.BYTES);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = (float) t.getDoubleData(i);
                    }
                }
                return Tensor.ofFloats(shape, v);
            }
            case TensorProto.DataType.INT64_VALUE -> {
                if (raw) {
                    requireBytes(bytes, n, Long.BYTES, name, owner);
                } else {
                    requireCount(t.getInt64DataCount(), n, name, owner);
                }
                long[] v = new long[n];
                if (raw) {
                    bytes.asLongBuffer().get(v);
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = t.getInt64Data(i);
                    }
                }
                return Tensor.ofLongs(shape, v);
            }
            case TensorProto.DataType.INT32_VALUE, TensorProto.DataType.INT8_VALUE, TensorProto.DataType.UINT8_VALUE,
                 TensorProto.DataType.INT16_VALUE, TensorProto.DataType.BOOL_VALUE -> {
                int width = switch (type) {
                    case TensorProto.DataType.INT32_VALUE -> 4;
                    case TensorProto.DataType.INT16_VALUE -> 2;
                    default -> 1;
                };
                if (raw) {
                    requireBytes(bytes, n, width, name, owner);
                } else {
                    requireCount(t.getInt32DataCount(), n, name, owner);
                }
                long[] v = new long[n];
                if (raw) {
                    for (int i = 0; i < n; i++) {
                        v[i] = switch (width) {
                            case 4 -> bytes.getInt(i * 4);
                            case 2 -> bytes.getShort(i * 2);
                            default -> type == TensorProto.DataType.INT8_VALUE ? bytes.get(i) : bytes.get(i) & 0xff;
                        };
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = t.getInt32Data(i);
                    }
                }
                return Tensor.ofLongs(shape, v);
            }
            default -> throw new ImportFailure(owner, "", "the tensor " + name + " has ONNX data type " + type
                    + ", which LayerLoom cannot read (it reads float32, float64 and integer tensors).");
        }
    }

    private static void requireBytes(ByteBuffer bytes, int count, int width, String name, String owner)
            throws ImportFailure {
        if (bytes.remaining() != (long) count * width) {
            throw new ImportFailure(owner, "", "the tensor " + name + " should hold " + count + " values ("
                    + (long) count * width + " bytes) but holds " + bytes.remaining() + " bytes; the file is damaged.");
        }
    }

    private static void requireCount(int actual, int count, String name, String owner) throws ImportFailure {
        if (actual != count) {
            throw new ImportFailure(owner, "", "the tensor " + name + " should hold " + count + " values but holds "
                    + actual + "; the file is damaged.");
        }
    }

    /** Shape as a list, for messages. */
    static String describe(long[] shape) {
        return List.of(java.util.Arrays.stream(shape).boxed().toArray()).toString();
    }
}
