package org.layerloom.engine.kernels;

/**
 * Plain-Java double-precision forward passes of the layers whose native kernels the self-test checks:
 * convolution (1-D as a 2-D of height 1) and the SimpleRNN/LSTM/GRU recurrences, in PyTorch's layouts
 * and gate orders. Slow and obviously right; stateless, any thread.
 */
final class ReferenceKernels {

    private ReferenceKernels() {
    }

    /**
     * Cross-correlation with zero padding, stride {@code stride}: x (B, C, H, W), w (F, C, K, K) (or
     * (F, C, 1, K) with {@code kh = 1}), b (F) → (B, F, H', W').
     */
    static double[] conv2d(double[] x, double[] w, double[] b, ConvShape s) {
        double[] out = new double[s.batch() * s.filters() * s.outHeight() * s.outWidth()];
        int o = 0;
        for (int n = 0; n < s.batch(); n++) {
            for (int f = 0; f < s.filters(); f++) {
                for (int i = 0; i < s.outHeight(); i++) {
                    for (int j = 0; j < s.outWidth(); j++) {
                        double sum = b[f];
                        for (int c = 0; c < s.channels(); c++) {
                            for (int ki = 0; ki < s.kernelHeight(); ki++) {
                                int y = i * s.stride() - s.padHeight() + ki;
                                if (y < 0 || y >= s.height()) {
                                    continue;
                                }
                                for (int kj = 0; kj < s.kernelWidth(); kj++) {
                                    int xx = j * s.stride() - s.padWidth() + kj;
                                    if (xx < 0 || xx >= s.width()) {
                                        continue;
                                    }
                                    sum += x[((n * s.channels() + c) * s.height() + y) * s.width() + xx]
                                            * w[((f * s.channels() + c) * s.kernelHeight() + ki) * s.kernelWidth() + kj];
                                }
                            }
                        }
                        out[o++] = sum;
                    }
                }
            }
        }
        return out;
    }

    /** The recurrences, batch first: x (B, T, I) → every step's hidden state (B, T, H), zero initial state. */
    static double[] recurrent(RecurrentShape s, double[] x, double[] wih, double[] whh, double[] bih, double[] bhh) {
        int h = s.hidden();
        int gates = s.kind().gates();
        double[] out = new double[s.batch() * s.steps() * h];
        for (int n = 0; n < s.batch(); n++) {
            double[] state = new double[h];
            double[] cell = new double[h];
            for (int t = 0; t < s.steps(); t++) {
                double[] gi = new double[gates * h];
                double[] gh = new double[gates * h];
                for (int r = 0; r < gates * h; r++) {
                    double a = bih[r];
                    for (int k = 0; k < s.input(); k++) {
                        a += wih[r * s.input() + k] * x[(n * s.steps() + t) * s.input() + k];
                    }
                    double z = bhh[r];
                    for (int k = 0; k < h; k++) {
                        z += whh[r * h + k] * state[k];
                    }
                    gi[r] = a;
                    gh[r] = z;
                }
                state = step(s.kind(), gi, gh, state, cell, h);
                System.arraycopy(state, 0, out, (n * s.steps() + t) * h, h);
            }
        }
        return out;
    }

    /** One step from the input and hidden pre-activations (PyTorch gate orders: LSTM i,f,g,o; GRU r,z,n). */
    private static double[] step(RecurrentShape.Kind kind, double[] gi, double[] gh, double[] state, double[] cell,
            int h) {
        double[] next = new double[h];
        for (int u = 0; u < h; u++) {
            switch (kind) {
                case RNN_TANH -> next[u] = Math.tanh(gi[u] + gh[u]);
                case LSTM -> {
                    double in = sigmoid(gi[u] + gh[u]);
                    double forget = sigmoid(gi[h + u] + gh[h + u]);
                    double candidate = Math.tanh(gi[2 * h + u] + gh[2 * h + u]);
                    double out = sigmoid(gi[3 * h + u] + gh[3 * h + u]);
                    cell[u] = forget * cell[u] + in * candidate;
                    next[u] = out * Math.tanh(cell[u]);
                }
                case GRU -> {
                    double reset = sigmoid(gi[u] + gh[u]);
                    double update = sigmoid(gi[h + u] + gh[h + u]);
                    double candidate = Math.tanh(gi[2 * h + u] + reset * gh[2 * h + u]);
                    next[u] = (1 - update) * candidate + update * state[u];
                }
            }
        }
        return next;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** The geometry of one convolution case. */
    record ConvShape(int batch, int channels, int filters, int height, int width, int kernelHeight,
            int kernelWidth, int stride, int padHeight, int padWidth) {

        int outHeight() {
            return (height + 2 * padHeight - kernelHeight) / stride + 1;
        }

        int outWidth() {
            return (width + 2 * padWidth - kernelWidth) / stride + 1;
        }
    }

    /** The geometry of one recurrent case. */
    record RecurrentShape(Kind kind, int batch, int steps, int input, int hidden) {

        /** The recurrences, with their number of gates. */
        enum Kind {
            RNN_TANH(1), LSTM(4), GRU(3);

            private final int gates;

            Kind(int gates) {
                this.gates = gates;
            }

            int gates() {
                return gates;
            }
        }
    }
}
