package org.layerloom.engine.export.onnx;

/**
 * One int8 weight in the layout ONNX reads it: its shape, its levels in row-major order and one float scale per
 * slice along {@code axis} (the output channel), with zero points 0, as ONNX's {@code DequantizeLinear} takes
 * them. Immutable in use (the arrays are not copied; do not change them); any thread.
 */
record Int8Tensor(long[] shape, byte[] levels, float[] scales, int axis) {

    /** The matrix transposed: (r, c) → (c, r), the output channels moving from axis 0 to axis 1. */
    Int8Tensor transposed() {
        if (shape.length != 2 || axis != 0) {
            throw new IllegalStateException("only a matrix with its channels along axis 0 is transposed here");
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        byte[] t = new byte[levels.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = levels[r * cols + c];
            }
        }
        return new Int8Tensor(new long[] {cols, rows}, t, scales, 1);
    }
}
