package org.layerloom.engine.graph.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/**
 * SimpleRNN, LSTM and GRU: one layer that reads a sequence (T, F) step by step. Parameters as PyTorch
 * counts them: {@code gates · (H·F + H·H + 2·H)}, with two bias vectors per gate.
 */
final class RecurrentLayer extends LayerType {

    static final String UNITS = "units";
    static final String RETURN_SEQUENCES = "return_sequences";
    static final String NONLINEARITY = "nonlinearity";

    private final int gates;

    private RecurrentLayer(LayerKind kind, String name, int gates, String summary, Explanation explanation,
                           List<ParamSpec> extra) {
        super(kind, name, Category.RECURRENT, summary, explanation, List.of(PortSpec.single()), true,
                params(extra));
        this.gates = gates;
    }

    private static List<ParamSpec> params(List<ParamSpec> extra) {
        List<ParamSpec> all = new ArrayList<>(List.of(
                ParamSpec.integer(UNITS, "Units", 64, 1, 4096,
                        "The size of the hidden state h, the layer's memory of what it has read so far."),
                ParamSpec.flag(RETURN_SEQUENCES, "Return sequences", false,
                        "On: output h at every step (a sequence, for another recurrent layer). Off: only the last"
                                + " step's h (a vector, for a Dense classifier).")));
        all.addAll(extra);
        return all;
    }

    static RecurrentLayer simpleRnn() {
        return new RecurrentLayer(LayerKind.SIMPLE_RNN, "SimpleRNN", 1, "Reads a sequence with a simple memory.",
                new Explanation("A simple recurrent layer reads the sequence one step at a time and keeps a hidden state"
                        + " h: at each step it mixes the new input with the previous state. It struggles to remember"
                        + " far back, which LSTM and GRU were invented to fix.", "h_t = tanh(W·x_t + U·h_{t−1} + b)"),
                List.of(ParamSpec.choice(NONLINEARITY, "Nonlinearity", "tanh",
                        List.of(new ChoiceOption("tanh", "tanh"), new ChoiceOption("relu", "ReLU")),
                        "The function applied to the new state at every step.")));
    }

    static RecurrentLayer lstm() {
        return new RecurrentLayer(LayerKind.LSTM, "LSTM", 4, "Reads a sequence with gated long-term memory.",
                new Explanation("An LSTM reads a sequence step by step and keeps a memory cell c. Three gates decide"
                        + " what to forget (f), what to write (i, with candidate g) and what to show (o), so it can"
                        + " remember things for many steps.",
                        "i_t = σ(W_i x_t + U_i h_{t−1} + b_i);  f_t = σ(W_f x_t + U_f h_{t−1} + b_f);"
                                + "  o_t = σ(W_o x_t + U_o h_{t−1} + b_o);  g_t = tanh(W_g x_t + U_g h_{t−1} + b_g);"
                                + "  c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t;  h_t = o_t ⊙ tanh(c_t)"),
                List.of());
    }

    static RecurrentLayer gru() {
        return new RecurrentLayer(LayerKind.GRU, "GRU", 3, "Reads a sequence with gated memory; lighter than LSTM.",
                new Explanation("A GRU reads a sequence step by step with two gates: the update gate z decides how much"
                        + " of the memory to replace, the reset gate r how much of the past to use for the new"
                        + " candidate. It often learns as well as an LSTM with fewer weights.",
                        "z_t = σ(W_z x_t + U_z h_{t−1} + b_z);  r_t = σ(W_r x_t + U_r h_{t−1} + b_r);"
                                + "  ĥ_t = tanh(W x_t + r_t ⊙ (U h_{t−1}) + b);  h_t = (1 − z_t) ⊙ ĥ_t + z_t ⊙ h_{t−1}"),
                List.of());
    }

    static boolean isRecurrent(LayerKind kind) {
        return kind == LayerKind.SIMPLE_RNN || kind == LayerKind.LSTM || kind == LayerKind.GRU;
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        if (!Expect.sequence(ctx)) {
            return Optional.empty();
        }
        int units = ctx.intParam(UNITS);
        return Optional.of(ctx.params().flag(RETURN_SEQUENCES)
                ? TensorShape.of(ctx.input().dim(0), units) : TensorShape.of(units));
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        long h = params.intValue(UNITS);
        long f = inputs.get(0).last();
        return gates * (h * f + h * h + 2 * h);
    }
}
