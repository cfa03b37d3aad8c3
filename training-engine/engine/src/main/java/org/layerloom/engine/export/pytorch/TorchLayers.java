package org.layerloom.engine.export.pytorch;

import java.util.Optional;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.TensorShape;

/**
 * The PyTorch module of each layer kind, mirroring what the engine's compiler builds (see
 * {@code org.layerloom.engine.compile}) so that the module computes the same numbers and its
 * {@code state_dict} has the names of {@code TorchStateDict}. The switch names every {@code LayerKind}, so a
 * new kind does not compile until it is mapped here. Stateless; any thread.
 */
final class TorchLayers {

    private TorchLayers() {
    }

    /** The module of a validated node; empty for the Input and Output nodes, which only pass their tensor on. */
    static Optional<TorchLayer> of(Node node, NodeReport report) {
        Parameters p = node.params();
        TensorShape in = report.inputs().isEmpty() ? null : report.inputs().get(0);
        return Optional.ofNullable(switch (node.kind()) {
            case INPUT, OUTPUT -> null;
            case DENSE -> dense(p, in);
            case CONV2D -> conv2d(p, in);
            case CONV1D -> TorchLayer.of("Conv1dOverSteps(" + in.last() + ", " + convArgs(p) + ")", Helper.CONV1D);
            case MAX_POOL2D -> TorchLayer.of("nn.MaxPool2d(" + poolArgs(p) + ")");
            case AVG_POOL2D -> TorchLayer.of("nn.AvgPool2d(" + poolArgs(p) + ", count_include_pad=True)");
            case GLOBAL_AVG_POOL2D -> TorchLayer.of("GlobalAvgPool2d()", Helper.GLOBAL_AVG_POOL);
            case FLATTEN -> TorchLayer.of("nn.Flatten()");
            case RESHAPE -> TorchLayer.of("Reshape(" + Py.args(report.output().orElseThrow().dims()) + ")",
                    Helper.RESHAPE);
            case DROPOUT -> TorchLayer.of("nn.Dropout(p=" + Py.real(p.realValue("rate")) + ")")
                    .noting("active only in train()");
            case EMBEDDING -> TorchLayer.of("nn.Embedding(" + p.intValue("vocabulary") + ", "
                    + p.intValue("dimension") + ")");
            case BATCH_NORM -> TorchLayer.of("BatchNorm(" + (in.isImage() ? in.dim(0) : in.last()) + ", eps="
                    + Py.real(p.realValue("epsilon")) + ", momentum=" + Py.real(p.realValue("momentum")) + ")",
                    Helper.BATCH_NORM);
            case LAYER_NORM -> TorchLayer.of("nn.LayerNorm(" + (in.isImage() ? Py.intList(in.dims())
                    : String.valueOf(in.last())) + ", eps=" + Py.real(p.realValue("epsilon")) + ")");
            case SIMPLE_RNN -> TorchLayer.of("SimpleRNN(" + in.last() + ", " + p.intValue("units") + ", nonlinearity="
                    + Py.str(p.choice("nonlinearity")) + ", return_sequences=" + Py.bool(p.flag("return_sequences"))
                    + ")", Helper.RNN);
            case LSTM -> TorchLayer.of(recurrent("LSTM", p, in), Helper.LSTM);
            case GRU -> TorchLayer.of(recurrent("GRU", p, in), Helper.GRU);
            case SELF_ATTENTION -> TorchLayer.of("SelfAttention(" + in.last() + ", " + p.intValue("heads")
                    + ", dropout=" + Py.real(p.realValue("dropout")) + ")", Helper.SELF_ATTENTION);
            case TRANSFORMER_ENCODER -> TorchLayer.of("nn.TransformerEncoderLayer(" + in.last() + ", "
                    + p.intValue("heads") + ", dim_feedforward=" + p.intValue("feed_forward") + ", dropout="
                    + Py.real(p.realValue("dropout")) + ", batch_first=True)")
                    .noting("PyTorch's own encoder layer, post-norm with ReLU, as LayerLoom's");
            case POSITIONAL_ENCODING -> TorchLayer.of("PositionalEncoding(" + in.dim(0) + ", " + in.last() + ")",
                    Helper.POSITIONAL_ENCODING);
            case ADD -> TorchLayer.of("Add()", Helper.ADD);
            case CONCATENATE -> TorchLayer.of("Concatenate(dim=" + concatDim(p, report) + ")", Helper.CONCATENATE);
            case RELU -> TorchLayer.of("nn.ReLU()");
            case LEAKY_RELU -> TorchLayer.of("nn.LeakyReLU(negative_slope=" + Py.real(p.realValue("alpha")) + ")");
            case ELU -> TorchLayer.of("nn.ELU(alpha=" + Py.real(p.realValue("alpha")) + ")");
            case GELU -> TorchLayer.of("nn.GELU()");
            case SIGMOID -> TorchLayer.of("nn.Sigmoid()");
            case TANH -> TorchLayer.of("nn.Tanh()");
            case SOFTMAX -> TorchLayer.of("nn.Softmax(dim=-1)");
        });
    }

    private static TorchLayer dense(Parameters p, TensorShape in) {
        String args = in.last() + ", " + p.intValue("units") + ", bias=" + Py.bool(p.flag("bias"));
        String activation = p.choice("activation");
        return "none".equals(activation) ? TorchLayer.of("nn.Linear(" + args + ")")
                : TorchLayer.of("LinearWithActivation(" + args + ", activation=" + Py.str(activation) + ")",
                Helper.LINEAR);
    }

    private static TorchLayer conv2d(Parameters p, TensorShape in) {
        String activation = p.choice("activation");
        return "none".equals(activation)
                ? TorchLayer.of("nn.Conv2d(" + in.dim(0) + ", " + p.intValue("filters") + ", kernel_size="
                + p.intValue("kernel") + ", stride=" + p.intValue("stride") + ", padding=" + p.intValue("padding")
                + ", bias=" + Py.bool(p.flag("bias")) + ")")
                : TorchLayer.of("Conv2dWithActivation(" + in.dim(0) + ", " + convArgs(p) + ")", Helper.CONV2D);
    }

    /** The arguments after the input channels of our convolution helpers. */
    private static String convArgs(Parameters p) {
        return p.intValue("filters") + ", kernel_size=" + p.intValue("kernel") + ", stride=" + p.intValue("stride")
                + ", padding=" + p.intValue("padding") + ", bias=" + Py.bool(p.flag("bias")) + ", activation="
                + Py.str(p.choice("activation"));
    }

    private static String poolArgs(Parameters p) {
        return "kernel_size=" + p.intValue("pool") + ", stride=" + p.intValue("stride") + ", padding="
                + p.intValue("padding");
    }

    private static String recurrent(String type, Parameters p, TensorShape in) {
        return type + "(" + in.last() + ", " + p.intValue("units") + ", return_sequences="
                + Py.bool(p.flag("return_sequences")) + ")";
    }

    /** The graph counts axes without the batch and −1 as the last; PyTorch counts the batch as axis 0. */
    private static int concatDim(Parameters p, NodeReport report) {
        int rank = report.output().orElseThrow().rank();
        int axis = p.intValue("axis");
        return (axis < 0 ? rank + axis : axis) + 1;
    }
}
