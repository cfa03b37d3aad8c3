package org.layerloom.engine.graph.layers;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.LayerType;

/** Creates the definition of every layer kind LayerLoom knows; read through {@code LayerCatalog}. */
public final class StandardLayers {

    private StandardLayers() {
    }

    public static List<LayerType> create() {
        List<LayerType> types = new ArrayList<>(List.of(
                new InputLayer(), new OutputLayer(), new DenseLayer(), new FlattenLayer(), new ReshapeLayer(),
                new DropoutLayer(), new EmbeddingLayer(), new Conv1DLayer(), new Conv2DLayer(), Pool2DLayer.max(),
                Pool2DLayer.average(), new GlobalAvgPool2DLayer(), new BatchNormLayer(), new LayerNormLayer(),
                RecurrentLayer.simpleRnn(), RecurrentLayer.lstm(), RecurrentLayer.gru(), new SelfAttentionLayer(),
                new TransformerEncoderLayer(), new PositionalEncodingLayer(), new AddLayer(), new ConcatenateLayer()));
        types.addAll(ActivationLayer.all());
        return types;
    }
}
