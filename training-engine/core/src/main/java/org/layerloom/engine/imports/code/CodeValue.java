package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.project.OptimizerSettings;

/** What an expression of pasted code stands for while it is read. Values; one import at a time. */
sealed interface CodeValue {

    /** A number. */
    record Num(double value, boolean integral) implements CodeValue {
    }

    /** A string. */
    record Text(String value) implements CodeValue {
    }

    /** {@code True} or {@code False}. */
    record Bool(boolean value) implements CodeValue {
    }

    /** {@code None}. */
    record NoneValue() implements CodeValue {
    }

    /** A list or tuple of values. */
    record Items(List<CodeValue> items) implements CodeValue {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A module, class or function named by a dotted path that LayerLoom has not yet resolved. */
    record Symbol(String dotted) implements CodeValue {
    }

    /** Something computed at run time (data, devices): fine to ignore, wrong to use as a setting. */
    record Unknown(String what) implements CodeValue {
    }

    /** A layer constructed but not yet applied: {@code Dense(64, activation='relu')}. */
    record LayerCall(String dotted, List<CodeValue> args, List<Keyword> keywords, SourcePos pos) implements CodeValue {
        public LayerCall {
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
        }

        String name() {
            return dotted.substring(dotted.lastIndexOf('.') + 1);
        }
    }

    /** A keyword argument with its value and where it was written. */
    record Keyword(String name, CodeValue value, SourcePos pos) {
    }

    /** {@code keras.Input(shape=...)}: becomes an Input node the first time a layer is applied to it. */
    record InputSpec(List<Integer> shape, boolean tokenIds, SourcePos pos) implements CodeValue {
    }

    /** The output of a layer applied in the functional style: a node of the graph being built. */
    record Tensor(String nodeId) implements CodeValue {
    }

    /** A tensor after Keras's {@code ZeroPadding}: only a convolution may follow, taking the padding over. */
    record Padded(CodeValue source, int padding, SourcePos pos) implements CodeValue {
    }

    /** A Sequential model: its layers in order (Keras models grow with {@code add}). */
    record SequentialModel(boolean torch, List<LayerCall> layers, SourcePos pos) implements CodeValue {
        SequentialModel withLayer(LayerCall layer) {
            List<LayerCall> more = new ArrayList<>(layers);
            more.add(layer);
            return new SequentialModel(torch, more, pos);
        }
    }

    /** {@code Model(inputs, outputs)} of the functional style. */
    record FunctionalModel(List<CodeValue> inputs, CodeValue output, SourcePos pos) implements CodeValue {
    }

    /** An optimizer with its settings. */
    record Optimizer(OptimizerSettings settings, String description, SourcePos pos) implements CodeValue {
    }

    /** A loss: LayerLoom's loss id, and what the framework's loss expects from the last layer. */
    record Loss(String lossId, Expects expects, String description, SourcePos pos) implements CodeValue {
    }

    /** What the framework's loss function wants the last layer to give. */
    enum Expects { RAW_SCORES, PROBABILITIES, LOG_PROBABILITIES, VALUES }
}
