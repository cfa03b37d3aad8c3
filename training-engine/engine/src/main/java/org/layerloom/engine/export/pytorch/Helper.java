package org.layerloom.engine.export.pytorch;

import java.util.List;

/**
 * The few classes {@code model.py} defines itself, where a LayerLoom layer has no one-line PyTorch twin: an
 * activation after a linear layer or convolution, a convolution over (batch, steps, channels) sequences,
 * BatchNorm over the last axis of sequences, recurrent layers that keep only the last step, self-attention
 * on one input, the fixed positional encoding, reshaping, global pooling and the merges. Each is written
 * only when a node needs it, in this enum's order, after the ones it uses. Immutable; any thread.
 */
enum Helper {
    ACTIVATIONS(List.of(), """
            # The activation option of Dense and convolution layers, with PyTorch's default slope and alpha.
            ACTIVATIONS = {
                "relu": nn.ReLU,
                "leaky_relu": lambda: nn.LeakyReLU(0.01),
                "elu": lambda: nn.ELU(1.0),
                "gelu": nn.GELU,
                "sigmoid": nn.Sigmoid,
                "tanh": nn.Tanh,
            }
            """),
    LINEAR(List.of(ACTIVATIONS), """
            class LinearWithActivation(nn.Linear):
                \"""A Dense layer with an activation: nn.Linear on the last axis, then the activation.\"""

                def __init__(self, in_features, out_features, bias, activation):
                    super().__init__(in_features, out_features, bias=bias)
                    self.activation = ACTIVATIONS[activation]()

                def forward(self, x):
                    return self.activation(super().forward(x))
            """),
    CONV2D(List.of(ACTIVATIONS), """
            class Conv2dWithActivation(nn.Conv2d):
                \"""A Conv2D layer with an activation: nn.Conv2d on (batch, channels, height, width), then the activation.\"""

                def __init__(self, in_channels, out_channels, kernel_size, stride, padding, bias, activation):
                    super().__init__(in_channels, out_channels, kernel_size, stride=stride, padding=padding, bias=bias)
                    self.activation = ACTIVATIONS[activation]()

                def forward(self, x):
                    return self.activation(super().forward(x))
            """),
    CONV1D(List.of(ACTIVATIONS), """
            class Conv1dOverSteps(nn.Conv1d):
                \"""A Conv1D layer: slides along the steps of a (batch, steps, channels) sequence.

                nn.Conv1d wants the channels first, so the sequence is transposed to (batch, channels, steps) and back.
                \"""

                def __init__(self, in_channels, out_channels, kernel_size, stride, padding, bias, activation):
                    super().__init__(in_channels, out_channels, kernel_size, stride=stride, padding=padding, bias=bias)
                    self.activation = ACTIVATIONS[activation]() if activation != "none" else nn.Identity()

                def forward(self, x):
                    return self.activation(super().forward(x.transpose(1, 2)).transpose(1, 2))
            """),
    BATCH_NORM(List.of(), """
            class BatchNorm(nn.Module):
                \"""Batch normalisation over the channels of feature maps, or the last axis of vectors and sequences.

                Running statistics are updated while training (momentum = weight of the new batch, as PyTorch) and
                used in eval(). The weights have nn.BatchNorm1d's names; PyTorch's num_batches_tracked is left out
                because a fixed momentum never reads it.
                \"""

                def __init__(self, num_features, eps, momentum):
                    super().__init__()
                    self.eps = eps
                    self.momentum = momentum
                    self.weight = nn.Parameter(torch.ones(num_features))
                    self.bias = nn.Parameter(torch.zeros(num_features))
                    self.register_buffer("running_mean", torch.zeros(num_features))
                    self.register_buffer("running_var", torch.ones(num_features))

                def forward(self, x):
                    sequence = x.dim() == 3  # (batch, steps, features): normalise the features, the last axis
                    if sequence:
                        x = x.transpose(1, 2)
                    y = F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias,
                                     self.training, self.momentum, self.eps)
                    return y.transpose(1, 2) if sequence else y
            """),
    RESHAPE(List.of(), """
            class Reshape(nn.Module):
                \"""Gives each example a new shape, keeping its values in order.\"""

                def __init__(self, *shape):
                    super().__init__()
                    self.shape = shape

                def forward(self, x):
                    return x.reshape(x.shape[0], *self.shape)
            """),
    GLOBAL_AVG_POOL(List.of(), """
            class GlobalAvgPool2d(nn.Module):
                \"""The mean of every feature map: (batch, channels, height, width) -> (batch, channels).\"""

                def forward(self, x):
                    return x.mean(dim=(2, 3))
            """),
    RNN(List.of(), """
            class SimpleRNN(nn.RNN):
                \"""nn.RNN on (batch, steps, features): every step's state, or only the last step's.\"""

                def __init__(self, input_size, hidden_size, nonlinearity, return_sequences):
                    super().__init__(input_size, hidden_size, nonlinearity=nonlinearity, batch_first=True)
                    self.return_sequences = return_sequences

                def forward(self, x):
                    states, _ = super().forward(x)
                    return states if self.return_sequences else states[:, -1]
            """),
    LSTM(List.of(), """
            class LSTM(nn.LSTM):
                \"""nn.LSTM on (batch, steps, features): every step's output, or only the last step's.\"""

                def __init__(self, input_size, hidden_size, return_sequences):
                    super().__init__(input_size, hidden_size, batch_first=True)
                    self.return_sequences = return_sequences

                def forward(self, x):
                    states, _ = super().forward(x)
                    return states if self.return_sequences else states[:, -1]
            """),
    GRU(List.of(), """
            class GRU(nn.GRU):
                \"""nn.GRU on (batch, steps, features): every step's output, or only the last step's.\"""

                def __init__(self, input_size, hidden_size, return_sequences):
                    super().__init__(input_size, hidden_size, batch_first=True)
                    self.return_sequences = return_sequences

                def forward(self, x):
                    states, _ = super().forward(x)
                    return states if self.return_sequences else states[:, -1]
            """),
    SELF_ATTENTION(List.of(), """
            class SelfAttention(nn.MultiheadAttention):
                \"""Multi-head self-attention: every step attends to every step of the same sequence.\"""

                def __init__(self, embed_dim, num_heads, dropout):
                    super().__init__(embed_dim, num_heads, dropout=dropout, batch_first=True)

                def forward(self, x):
                    return super().forward(x, x, x, need_weights=False)[0]
            """),
    POSITIONAL_ENCODING(List.of(), """
            class PositionalEncoding(nn.Module):
                \"""Adds the fixed sine/cosine position signal of "Attention is all you need" to (batch, steps, features).

                PE(t, 2i) = sin(t / 10000^(2i/F)), PE(t, 2i+1) = cos(t / 10000^(2i/F)), computed in double precision and
                rounded once, as LayerLoom does. It is computed, not learned, so it is not part of the saved weights.
                \"""

                def __init__(self, steps, features):
                    super().__init__()
                    table = torch.zeros(steps, features, dtype=torch.float64)
                    for t in range(steps):
                        for f in range(features):
                            angle = t / math.pow(10000, (f - f % 2) / features)
                            table[t, f] = math.sin(angle) if f % 2 == 0 else math.cos(angle)
                    self.register_buffer("table", table.float(), persistent=False)

                def forward(self, x):
                    return x + self.table
            """),
    ADD(List.of(), """
            class Add(nn.Module):
                \"""The element-wise sum of its inputs.\"""

                def forward(self, *inputs):
                    total = inputs[0]
                    for x in inputs[1:]:
                        total = total + x
                    return total
            """),
    CONCATENATE(List.of(), """
            class Concatenate(nn.Module):
                \"""Joins its inputs, in wire order, along one axis (counted with the batch as axis 0).\"""

                def __init__(self, dim):
                    super().__init__()
                    self.dim = dim

                def forward(self, *inputs):
                    return torch.cat(inputs, dim=self.dim)
            """);

    private final List<Helper> uses;
    private final String source;

    Helper(List<Helper> uses, String source) {
        this.uses = uses;
        this.source = source;
    }

    /** The helpers this one's code refers to. */
    List<Helper> uses() {
        return uses;
    }

    /** The Python source, ending with a newline. */
    String source() {
        return source;
    }
}
