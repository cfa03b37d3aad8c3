package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;

/**
 * What one pattern matched: the LayerLoom layer kind, the parameters ONNX holds (the rest keep the catalog
 * defaults), the parameters ONNX cannot hold (reported as lost), the ONNX values the layer reads in wire
 * order, the value it makes, the ONNX nodes it consumed, and its weights by PyTorch {@code state_dict} name
 * in PyTorch's layout. Filled in by a pattern, then read by {@link GraphAssembly}; one thread.
 */
final class LayerMatch {

    final LayerKind kind;
    final List<String> inputs;
    final String output;
    final List<Integer> nodes;
    final Map<String, ParamValue> params = new LinkedHashMap<>();
    final Map<String, Tensor> weights = new LinkedHashMap<>();
    /** Parameter name → why ONNX does not hold it. */
    final Map<String, String> lost = new LinkedHashMap<>();
    /** Notes about approximations (a folded Gemm scale), reported with the mapping. */
    final List<String> remarks = new ArrayList<>();

    LayerMatch(LayerKind kind, List<String> inputs, String output, List<Integer> nodes) {
        this.kind = kind;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.nodes = new ArrayList<>(nodes);
    }

    LayerMatch param(String name, int value) {
        params.put(name, new ParamValue.Int(value));
        return this;
    }

    LayerMatch param(String name, double value) {
        params.put(name, new ParamValue.Real(value));
        return this;
    }

    LayerMatch param(String name, boolean value) {
        params.put(name, new ParamValue.Flag(value));
        return this;
    }

    LayerMatch param(String name, String choice) {
        params.put(name, new ParamValue.Choice(choice));
        return this;
    }

    LayerMatch param(String name, ParamValue value) {
        params.put(name, value);
        return this;
    }

    LayerMatch weight(String torchName, Tensor value) {
        weights.put(torchName, value);
        return this;
    }

    LayerMatch lost(String param, String why) {
        lost.put(param, why);
        return this;
    }

    LayerMatch remark(String text) {
        remarks.add(text);
        return this;
    }

    /** Adds an activation tail (its nodes and the "activation" option) and returns a match ending at its output. */
    LayerMatch withActivation(ActivationTail tail) {
        LayerMatch m = new LayerMatch(kind, inputs, tail.output(), nodes);
        m.nodes.addAll(tail.nodes());
        m.params.putAll(params);
        m.weights.putAll(weights);
        m.lost.putAll(lost);
        m.remarks.addAll(remarks);
        m.param("activation", tail.choice());
        return m;
    }

    /** An activation option applied after a layer: its choice id, the nodes computing it and its output. */
    record ActivationTail(String choice, List<Integer> nodes, String output) {
    }
}
