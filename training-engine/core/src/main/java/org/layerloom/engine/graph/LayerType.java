package org.layerloom.engine.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The definition of one layer kind: its palette entry, ports, parameters, explanation for students,
 * and its two rules: the output shape for given input shapes, and the number of trainable parameters
 * (as PyTorch counts them). Rules are side-effect free apart from the problems they report to the
 * {@link ShapeContext}. Immutable; any thread.
 */
public abstract class LayerType {

    private final LayerKind kind;
    private final String displayName;
    private final Category category;
    private final String summary;
    private final Explanation explanation;
    private final List<PortSpec> inputPorts;
    private final boolean hasOutput;
    private final List<ParamSpec> parameters;

    protected LayerType(LayerKind kind, String displayName, Category category, String summary,
                        Explanation explanation, List<PortSpec> inputPorts, boolean hasOutput,
                        List<ParamSpec> parameters) {
        this.kind = kind;
        this.displayName = displayName;
        this.category = category;
        this.summary = summary;
        this.explanation = explanation;
        this.inputPorts = List.copyOf(inputPorts);
        this.hasOutput = hasOutput;
        this.parameters = List.copyOf(parameters);
    }

    /**
     * The shape this layer produces from the shapes arriving at it, or empty after reporting a problem
     * through {@code context}. Called only when every input is connected, every parameter is in range
     * and every upstream node resolved.
     */
    public abstract Optional<TensorShape> outputShape(ShapeContext context);

    /**
     * Trainable parameters for these (valid) input shapes, equal to what PyTorch's
     * {@code sum(p.numel() for p in layer.parameters())} reports for the same layer.
     */
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        return 0;
    }

    public final LayerKind kind() {
        return kind;
    }

    public final String displayName() {
        return displayName;
    }

    public final Category category() {
        return category;
    }

    /** One line for the palette tooltip. */
    public final String summary() {
        return summary;
    }

    public final Explanation explanation() {
        return explanation;
    }

    public final List<PortSpec> inputPorts() {
        return inputPorts;
    }

    public final Optional<PortSpec> inputPort(String name) {
        return inputPorts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public final boolean hasOutput() {
        return hasOutput;
    }

    public final List<ParamSpec> parameters() {
        return parameters;
    }

    public final Optional<ParamSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The values of a freshly added layer of this kind. */
    public final Parameters defaultParameters() {
        Map<String, ParamValue> values = new TreeMap<>();
        for (ParamSpec spec : parameters) {
            values.put(spec.name(), spec.defaultValue());
        }
        return Parameters.of(values);
    }

    @Override
    public String toString() {
        return kind.id();
    }
}
