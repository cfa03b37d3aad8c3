package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Reads pasted model code: Keras {@code Sequential([...])}, {@code model.add(...)}, the functional
 * {@code Layer(...)(x)} with {@code Model(inputs, outputs)}, and PyTorch {@code nn.Sequential(...)}, with
 * {@code compile}, {@code fit}, losses and optimizers. Everything outside that subset becomes a
 * {@link CodeProblem}; this never throws. Stateless; any thread.
 */
public final class CodeImporter {

    private CodeImporter() {
    }

    public static CodeImport read(String code, CodeImportOptions options) {
        List<String> notes = new ArrayList<>();
        List<CodeProblem> problems = new ArrayList<>();
        TrainingChanges training = TrainingChanges.none();
        NetworkGraph graph = NetworkGraph.empty();
        try {
            ParsedCode parsed = PyParser.parse(code);
            problems.addAll(parsed.problems());
            CodeInterpreter interpreter = new CodeInterpreter(notes, problems);
            interpreter.run(parsed.statements());
            training = interpreter.training();
            Optional<CodeValue> model = interpreter.model();
            if (model.isEmpty()) {
                if (problems.isEmpty()) {
                    problems.add(new CodeProblem(1, 1, "This code builds no model that LayerLoom can see.",
                            "Paste code that builds one with keras.Sequential([...]), nn.Sequential(...) or"
                                    + " keras.Model(inputs, outputs)."));
                }
            } else if (problems.isEmpty()) {
                graph = build(model.get(), interpreter, options, notes, problems);
            }
        } catch (ImportFailure failure) {
            problems.add(failure.problem());
        } catch (RuntimeException e) {
            problems.add(new CodeProblem(1, 1, "LayerLoom could not read this code (" + e + ").",
                    "Please report this with the code you pasted."));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(CodeProblem::line).thenComparingInt(CodeProblem::column));
            return new CodeImport(NetworkGraph.empty(), training, notes, problems);
        }
        return new CodeImport(graph, training, notes, problems);
    }

    private static NetworkGraph build(CodeValue model, CodeInterpreter interpreter, CodeImportOptions options,
                                      List<String> notes, List<CodeProblem> problems) {
        try {
            ModelBuilder builder = new ModelBuilder(options, notes);
            NetworkGraph graph = builder.build(model, interpreter.loss(), interpreter);
            graph = channelsFirstConcatenations(graph, model, notes);
            ValidationReport report = GraphValidator.standard().validate(graph);
            for (Problem problem : report.errors()) {
                notes.add("To fix in the editor: " + problem.message());
            }
            return graph;
        } catch (ImportFailure failure) {
            problems.add(failure.problem());
            return NetworkGraph.empty();
        }
    }

    /**
     * Keras counts a Concatenate's axis with the batch and channels last; LayerLoom without both. The nodes are
     * in flow order and each is converted on a graph whose earlier joins are already converted, so its input
     * shape is known.
     */
    private static NetworkGraph channelsFirstConcatenations(NetworkGraph graph, CodeValue model, List<String> notes) {
        if (!(model instanceof CodeValue.FunctionalModel) || graph.nodesOfKind(LayerKind.CONCATENATE).isEmpty()) {
            return graph;
        }
        NetworkGraph result = graph;
        for (Node node : graph.nodesOfKind(LayerKind.CONCATENATE)) {
            ValidationReport report = GraphValidator.standard().validate(result);
            String source = graph.wiresInto(node.id()).get(0).from().nodeId();
            Optional<TensorShape> shape = report.outputOf(source);
            if (shape.isEmpty()) {
                continue;
            }
            int rank = shape.get().rank();
            int keras = node.params().intValue("axis");
            int axis = keras < 0 ? rank + 1 + keras : keras;
            if (axis < 1 || axis > rank || (keras < 0 && rank != 3)) {
                continue;
            }
            int converted = rank == 3 ? (axis == 3 ? 0 : axis) : axis - 1;
            if (converted != keras) {
                result = result.withReplacedNode(node.withParam("axis", new ParamValue.Int(converted)));
                notes.add(node.name() + ": Keras's axis " + keras + " became axis " + converted + " (LayerLoom counts"
                        + " without the batch" + (rank == 3 ? ", with channels first" : "") + ").");
            }
        }
        return result;
    }
}
