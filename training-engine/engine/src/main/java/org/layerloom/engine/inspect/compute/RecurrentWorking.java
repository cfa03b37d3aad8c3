package org.layerloom.engine.inspect.compute;

import java.util.List;
import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A SimpleRNN, LSTM or GRU run over a sequence (T, F), step by step from a zero state, with PyTorch's
 * gate order and formulas (which the engine uses): for each step and unit every gate's input part
 * W·xₜ + b, recurrent part U·hₜ₋₁ + b', value, and the cell (LSTM) and hidden state.
 * <ul>
 * <li>SimpleRNN: hₜ = tanh (or ReLU)(W·xₜ + b + U·hₜ₋₁ + b')</li>
 * <li>LSTM (i, f, g, o): i, f, o = σ(…), g = tanh(…), cₜ = f·cₜ₋₁ + i·g, hₜ = o·tanh(cₜ)</li>
 * <li>GRU (r, z, n): r, z = σ(…), n = tanh(W·xₜ + b + r·(U·hₜ₋₁ + b')), hₜ = (1 − z)·n + z·hₜ₋₁</li>
 * </ul>
 * Immutable; any thread.
 */
public final class RecurrentWorking implements LayerWorking {

    private final String nodeId;
    private final LayerKind kind;
    private final boolean returnSequences;
    private final boolean relu;
    private final int steps;
    private final int units;
    private final double[][][] inputPart;
    private final double[][][] recurrentPart;
    private final double[][][] gates;
    private final double[][] cell;
    private final double[][] hidden;

    private RecurrentWorking(String nodeId, LayerKind kind, boolean returnSequences, boolean relu, int steps,
                             int units, double[][][] inputPart, double[][][] recurrentPart, double[][][] gates, double[][] cell,
                             double[][] hidden) {
        this.nodeId = nodeId;
        this.kind = kind;
        this.returnSequences = returnSequences;
        this.relu = relu;
        this.steps = steps;
        this.units = units;
        this.inputPart = inputPart;
        this.recurrentPart = recurrentPart;
        this.gates = gates;
        this.cell = cell;
        this.hidden = hidden;
    }

    /**
     * Runs the layer.
     *
     * @param input     (T, F)
     * @param weightIh  PyTorch's {@code weight_ih_l0}, (G·H, F)
     * @param weightHh  {@code weight_hh_l0}, (G·H, H)
     * @param biasIh    {@code bias_ih_l0}, (G·H)
     * @param biasHh    {@code bias_hh_l0}, (G·H)
     * @param reluRnn   whether a SimpleRNN uses ReLU instead of tanh
     */
    public static RecurrentWorking run(String nodeId, LayerKind kind, FloatTensor input, FloatTensor weightIh,
                                       FloatTensor weightHh, FloatTensor biasIh, FloatTensor biasHh,
                                       boolean reluRnn, boolean returnSequences) {
        Objects.requireNonNull(nodeId, "nodeId");
        Numbers.requireRank("the input of " + nodeId, input, 2);
        int g = gateNames(kind).size();
        int steps = input.dim(0);
        int features = input.dim(1);
        int units = weightHh.dim(1);
        Numbers.requireSize("weight_ih of " + nodeId, weightIh, (long) g * units * features);
        Numbers.requireSize("weight_hh of " + nodeId, weightHh, (long) g * units * units);
        double[][][] in = new double[g][steps][units];
        double[][][] rec = new double[g][steps][units];
        double[][][] gate = new double[g][steps][units];
        double[][] cell = new double[steps][units];
        double[][] hidden = new double[steps][units];
        double[] h = new double[units];
        double[] c = new double[units];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < g; k++) {
                for (int u = 0; u < units; u++) {
                    int row = k * units + u;
                    double a = biasIh.value(row);
                    for (int f = 0; f < features; f++) {
                        a += (double) weightIh.value(row * features + f) * input.value(t * features + f);
                    }
                    double b = biasHh.value(row);
                    for (int j = 0; j < units; j++) {
                        b += weightHh.value(row * units + j) * h[j];
                    }
                    in[k][t][u] = a;
                    rec[k][t][u] = b;
                }
            }
            double[] next = new double[units];
            for (int u = 0; u < units; u++) {
                switch (kind) {
                    case SIMPLE_RNN -> {
                        double z = in[0][t][u] + rec[0][t][u];
                        gate[0][t][u] = reluRnn ? Math.max(0, z) : Math.tanh(z);
                        next[u] = gate[0][t][u];
                    }
                    case LSTM -> {
                        for (int k = 0; k < 4; k++) {
                            double z = in[k][t][u] + rec[k][t][u];
                            gate[k][t][u] = k == 2 ? Math.tanh(z) : ActivationFunction.sigmoid(z);
                        }
                        c[u] = gate[1][t][u] * c[u] + gate[0][t][u] * gate[2][t][u];
                        cell[t][u] = c[u];
                        next[u] = gate[3][t][u] * Math.tanh(c[u]);
                    }
                    default -> {
                        gate[0][t][u] = ActivationFunction.sigmoid(in[0][t][u] + rec[0][t][u]);
                        gate[1][t][u] = ActivationFunction.sigmoid(in[1][t][u] + rec[1][t][u]);
                        gate[2][t][u] = Math.tanh(in[2][t][u] + gate[0][t][u] * rec[2][t][u]);
                        next[u] = (1 - gate[1][t][u]) * gate[2][t][u] + gate[1][t][u] * h[u];
                    }
                }
                hidden[t][u] = next[u];
            }
            h = next;
        }
        return new RecurrentWorking(nodeId, kind, returnSequences, reluRnn && kind == LayerKind.SIMPLE_RNN, steps,
                units, in, rec, gate, cell, hidden);
    }

    /** The gate names in PyTorch's order: (h) for SimpleRNN, (i, f, g, o) for LSTM, (r, z, n) for GRU. */
    public static List<String> gateNames(LayerKind kind) {
        return switch (kind) {
            case SIMPLE_RNN -> List.of("h");
            case LSTM -> List.of("i", "f", "g", "o");
            case GRU -> List.of("r", "z", "n");
            default -> throw new IllegalArgumentException(kind + " is not a recurrent layer");
        };
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public LayerKind kind() {
        return kind;
    }

    /** Whether this SimpleRNN uses ReLU instead of tanh. */
    public boolean usesRelu() {
        return relu;
    }

    public int steps() {
        return steps;
    }

    public int units() {
        return units;
    }

    /** Gate {@code gate}'s values over time × unit, (T, H) row by row. */
    public FloatTensor gate(int gate) {
        return Numbers.tensor(new int[] {steps, units}, flat(gates[gate]));
    }

    /** The cell state c over time × unit (LSTM only). */
    public FloatTensor cell() {
        if (kind != LayerKind.LSTM) {
            throw new IllegalStateException(kind.id() + " has no cell state");
        }
        return Numbers.tensor(new int[] {steps, units}, flat(cell));
    }

    /** The hidden state h over time × unit. */
    public FloatTensor hidden() {
        return Numbers.tensor(new int[] {steps, units}, flat(hidden));
    }

    /** One gate at one step and unit: W·xₜ + b, U·hₜ₋₁ + b', and the gate's value. */
    public record GateStep(String gate, double inputPart, double recurrentPart, double value) {
    }

    /** Every gate of {@code unit} at step {@code step}, in {@link #gateNames} order. */
    public List<GateStep> gates(int step, int unit) {
        Objects.checkIndex(step, steps);
        Objects.checkIndex(unit, units);
        List<String> names = gateNames(kind);
        return java.util.stream.IntStream.range(0, names.size()).mapToObj(k -> new GateStep(names.get(k),
                inputPart[k][step][unit], recurrentPart[k][step][unit], gates[k][step][unit])).toList();
    }

    /** The previous hidden state of {@code unit} before step {@code step} (0 before the first). */
    public double previousHidden(int step, int unit) {
        return step == 0 ? 0 : hidden[step - 1][unit];
    }

    /** The previous cell state of an LSTM's {@code unit} before step {@code step}. */
    public double previousCell(int step, int unit) {
        return step == 0 ? 0 : cell[step - 1][unit];
    }

    public double cellAt(int step, int unit) {
        return cell[step][unit];
    }

    public double hiddenAt(int step, int unit) {
        return hidden[step][unit];
    }

    @Override
    public FloatTensor output() {
        if (returnSequences) {
            return hidden();
        }
        return Numbers.tensor(new int[] {units}, hidden[steps - 1]);
    }

    private static double[] flat(double[][] rows) {
        double[] out = new double[rows.length * (rows.length == 0 ? 0 : rows[0].length)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[i].length, rows[i].length);
        }
        return out;
    }
}
