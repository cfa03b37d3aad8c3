package org.layerloom.engine.export.onnx;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;

/**
 * Which converter writes each layer kind in ONNX opset 17. A kind without one cannot be exported to
 * ONNX, and {@link OnnxSupport} says so before anything is written. The standard set covers every kind
 * of the standard catalog (the switch names every {@code LayerKind}, so a new kind does not compile
 * until it is decided here). Immutable; any thread.
 */
final class OnnxConverters {

    private final Map<LayerKind, NodeConverter> byKind;

    OnnxConverters(Map<LayerKind, NodeConverter> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    static OnnxConverters standard() {
        Map<LayerKind, NodeConverter> all = new EnumMap<>(LayerKind.class);
        for (LayerKind kind : LayerKind.values()) {
            all.put(kind, converterOf(kind));
        }
        return new OnnxConverters(all);
    }

    /** The converter of {@code kind}, empty where ONNX cannot express it. */
    Optional<NodeConverter> of(LayerKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The same set without {@code kind}: for showing how an unsupported node is refused. */
    OnnxConverters without(LayerKind kind) {
        Map<LayerKind, NodeConverter> fewer = new EnumMap<>(LayerKind.class);
        fewer.putAll(byKind);
        fewer.remove(kind);
        return new OnnxConverters(fewer);
    }

    private static NodeConverter converterOf(LayerKind kind) {
        return switch (kind) {
            case INPUT, OUTPUT -> CoreConverters::passThrough;
            case DENSE -> CoreConverters::dense;
            case FLATTEN -> CoreConverters::flatten;
            case RESHAPE -> CoreConverters::reshape;
            case DROPOUT -> CoreConverters::dropout;
            case EMBEDDING -> CoreConverters::embedding;
            case CONV1D -> ConvolutionConverters::conv1d;
            case CONV2D -> ConvolutionConverters::conv2d;
            case MAX_POOL2D -> ConvolutionConverters::maxPool2d;
            case AVG_POOL2D -> ConvolutionConverters::avgPool2d;
            case GLOBAL_AVG_POOL2D -> ConvolutionConverters::globalAvgPool2d;
            case BATCH_NORM -> NormalisationConverters::batchNorm;
            case LAYER_NORM -> NormalisationConverters::layerNorm;
            case SIMPLE_RNN -> RecurrentConverters::simpleRnn;
            case LSTM -> RecurrentConverters::lstm;
            case GRU -> RecurrentConverters::gru;
            case SELF_ATTENTION -> AttentionConverters::selfAttention;
            case TRANSFORMER_ENCODER -> AttentionConverters::transformerEncoder;
            case POSITIONAL_ENCODING -> AttentionConverters::positionalEncoding;
            case ADD -> MergeConverters::add;
            case CONCATENATE -> MergeConverters::concatenate;
            case RELU, LEAKY_RELU, ELU, GELU, SIGMOID, TANH, SOFTMAX -> ActivationConverters::layer;
        };
    }
}
