package org.layerloom.engine.compile;

import ai.djl.ndarray.NDList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's {@code Conv2d} run on its input laid out channels last ({@link ChannelsLast}), so that oneDNN
 * convolves without reordering activations. The same parameters, names, shapes and values as
 * {@code Conv2d}; only the memory layout of the activations differs. Built once per Conv2D node; a
 * forward pass runs on the thread that trains or evaluates.
 */
final class ChannelsLastConv2d extends Conv2d {

    ChannelsLastConv2d(Conv2d.Builder builder) {
        super(builder);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return super.forwardInternal(parameterStore, new NDList(ChannelsLast.of(inputs.singletonOrThrow())),
                training, params);
    }
}
