package org.layerloom.engine.inspect.compute;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A pooling layer's computation on feature maps (C, H, W): each output is the largest value of its window
 * (MaxPool2D, padding never wins), the mean of its window with padded zeros counted (AvgPool2D, as
 * PyTorch's default), or the mean of the whole map (GlobalAvgPool2D, output (C)). Immutable; any thread.
 */
public record PoolWorking(String nodeId, LayerKind kind, FloatTensor input, int pool, int stride, int padding)
        implements LayerWorking {

    /**
     * One output's window: its values (NaN where it lies in the padding), the winner's place for max
     * pooling (row, column inside the window; −1 for means), and the result.
     */
    public record Window(int channel, int row, int column, int top, int left, double[][] values, int winnerRow,
                         int winnerColumn, double result) {
    }

    public PoolWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        Numbers.requireRank("the input of " + nodeId, input, 3);
        if (kind == LayerKind.GLOBAL_AVG_POOL2D) {
            pool = Math.max(input.dim(1), input.dim(2));
            stride = 1;
            padding = 0;
        } else if (kind != LayerKind.MAX_POOL2D && kind != LayerKind.AVG_POOL2D) {
            throw new IllegalArgumentException(kind + " is not a pooling layer");
        }
    }

    public int channels() {
        return input.dim(0);
    }

    public int windowHeight() {
        return kind == LayerKind.GLOBAL_AVG_POOL2D ? input.dim(1) : pool;
    }

    public int windowWidth() {
        return kind == LayerKind.GLOBAL_AVG_POOL2D ? input.dim(2) : pool;
    }

    public int outputHeight() {
        return kind == LayerKind.GLOBAL_AVG_POOL2D ? 1 : (input.dim(1) + 2 * padding - pool) / stride + 1;
    }

    public int outputWidth() {
        return kind == LayerKind.GLOBAL_AVG_POOL2D ? 1 : (input.dim(2) + 2 * padding - pool) / stride + 1;
    }

    public Window window(int channel, int row, int column) {
        Objects.checkIndex(channel, channels());
        Objects.checkIndex(row, outputHeight());
        Objects.checkIndex(column, outputWidth());
        int h = input.dim(1);
        int w = input.dim(2);
        int top = row * stride - padding;
        int left = column * stride - padding;
        double[][] values = new double[windowHeight()][windowWidth()];
        double best = Double.NEGATIVE_INFINITY;
        int bestRow = -1;
        int bestColumn = -1;
        double sum = 0;
        for (int i = 0; i < windowHeight(); i++) {
            for (int j = 0; j < windowWidth(); j++) {
                int r = top + i;
                int c = left + j;
                boolean inside = r >= 0 && c >= 0 && r < h && c < w;
                double v = inside ? input.value((channel * h + r) * w + c) : Double.NaN;
                values[i][j] = v;
                if (inside) {
                    sum += v;
                    if (v > best) {
                        best = v;
                        bestRow = i;
                        bestColumn = j;
                    }
                }
            }
        }
        if (kind == LayerKind.MAX_POOL2D) {
            return new Window(channel, row, column, top, left, values, bestRow, bestColumn, best);
        }
        return new Window(channel, row, column, top, left, values, -1, -1,
                sum / (windowHeight() * windowWidth()));
    }

    @Override
    public FloatTensor output() {
        int oh = outputHeight();
        int ow = outputWidth();
        double[] out = new double[channels() * oh * ow];
        for (int c = 0; c < channels(); c++) {
            for (int r = 0; r < oh; r++) {
                for (int k = 0; k < ow; k++) {
                    out[(c * oh + r) * ow + k] = window(c, r, k).result();
                }
            }
        }
        return Numbers.tensor(kind == LayerKind.GLOBAL_AVG_POOL2D ? new int[] {channels()}
                : new int[] {channels(), oh, ow}, out);
    }
}
