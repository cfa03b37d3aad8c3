package org.layerloom.engine.compile;

import ai.djl.nn.Block;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/**
 * Which block each layer kind becomes. The switch names every {@code LayerKind}, so a new kind does not
 * compile until it is mapped. Stateless.
 */
final class LayerBlocks {

    private LayerBlocks() {
    }

    /**
     * The block for one validated node, or null for the pass-through Input and Output nodes.
     *
     * @param report the node's validation result: the shapes arriving at it and the shape it makes
     */
    static Block create(Node node, NodeReport report) {
        return switch (node.kind()) {
            case INPUT, OUTPUT -> null;
            case DENSE -> CoreLayers.dense(node);
            case FLATTEN -> CoreLayers.flatten(report);
            case RESHAPE -> CoreLayers.reshape(report);
            case DROPOUT -> CoreLayers.dropout(node);
            case EMBEDDING -> CoreLayers.embedding(node);
            case CONV1D -> ConvolutionLayers.conv1d(node);
            case CONV2D -> ConvolutionLayers.conv2d(node);
            case MAX_POOL2D -> ConvolutionLayers.maxPool2d(node);
            case AVG_POOL2D -> ConvolutionLayers.avgPool2d(node);
            case GLOBAL_AVG_POOL2D -> ConvolutionLayers.globalAvgPool2d();
            case BATCH_NORM -> NormalisationLayers.batchNorm(node, report);
            case LAYER_NORM -> NormalisationLayers.layerNorm(node, report);
            case SIMPLE_RNN -> RecurrentLayers.simpleRnn(node);
            case LSTM -> RecurrentLayers.lstm(node);
            case GRU -> RecurrentLayers.gru(node);
            case SELF_ATTENTION -> AttentionLayers.selfAttention(node, report);
            case TRANSFORMER_ENCODER -> AttentionLayers.transformerEncoder(node, report);
            case POSITIONAL_ENCODING -> AttentionLayers.positionalEncoding();
            case ADD -> MergeLayers.add();
            case CONCATENATE -> MergeLayers.concatenate(node, report);
            case RELU, LEAKY_RELU, ELU, GELU, SIGMOID, TANH, SOFTMAX -> ActivationBlocks.layer(node);
        };
    }
}
