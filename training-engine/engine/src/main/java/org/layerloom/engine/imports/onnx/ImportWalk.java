package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import onnx.Onnx.NodeProto;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.TensorShape;

/**
 * One import's walk over the ONNX nodes in file order: each node not yet imported either folds into a
 * constant, or starts a layer pattern that consumes it and the nodes fused with it, or is reported as
 * unmapped (with the reason where a pattern recognised it). A node that reads the result of an unmapped
 * node is reported too, so the report names every node that did not map. In a LayerLoom export a layer
 * is one whole name group and keeps its node id; elsewhere nodes get fresh ids and the Input and Output
 * are added around the graph. Made per import; one thread.
 */
final class ImportWalk {

    private static final Set<String> DEFERRABLE = Set.of("ConstantOfShape", "Expand");

    private final MatchContext ctx;
    private final GraphAssembly assembly;
    private final List<OnnxImportNote> notes = new ArrayList<>();
    private final Set<String> blocked = new HashSet<>();
    /** Nodes computed from constants only (a zero state of a free batch size), left for a later layer to take. */
    private final List<Integer> deferred = new ArrayList<>();

    ImportWalk(MatchContext ctx) {
        this.ctx = ctx;
        this.assembly = ctx.assembly();
    }

    List<OnnxImportNote> notes() {
        return notes;
    }

    void run() {
        OnnxValues values = ctx.values();
        String loss = "mse";
        if (ctx.ownExport()) {
            loss = ownLoss();
        } else {
            InputSpec input = ctx.input();
            apply(-1, assembly.freshId(LayerKind.INPUT), input.match(input.name(), List.of()));
        }
        for (int i = 0; i < values.size(); i++) {
            if (ctx.isConsumed(i) || ctx.folder().isFolded(i)) {
                continue;
            }
            NodeProto node = values.node(i);
            if (ConstantFolder.FOLDABLE.contains(node.getOpType()) && ctx.folder().fold(i)) {
                continue;
            }
            Optional<String> unknown = node.getInputList().stream()
                    .filter(v -> !v.isEmpty() && blocked.contains(v)).findFirst();
            if (unknown.isPresent()) {
                block(i, "not imported: it reads '" + unknown.get() + "', made by a node that did not map.");
                continue;
            }
            if (DEFERRABLE.contains(node.getOpType()) && dataFree(node)) {
                deferred.add(i);
                continue;
            }
            if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
                block(i, "an operator of the custom domain '" + node.getDomain() + "', which LayerLoom does not know.");
                continue;
            }
            if (!ctx.ownExport() && node.getOpType().equals("Identity") && assembly.layerOf(node.getInput(0)).isPresent()) {
                assembly.alias(node.getOutput(0), node.getInput(0));
                ctx.consume(List.of(i));
                continue;
            }
            try {
                Optional<LayerMatch> match = ctx.ownExport() && node.getOpType().equals("Identity")
                        ? CorePatterns.ownIdentity(i, ctx, loss) : first(i);
                if (match.isEmpty()) {
                    block(i, "no LayerLoom layer matches the operator " + node.getOpType() + " here.");
                } else {
                    place(i, match.get());
                }
            } catch (Unmappable e) {
                block(i, e.getMessage());
            } catch (RuntimeException e) {
                block(i, "the node is malformed and cannot be read (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
            }
        }
        for (int i : deferred) {
            if (!ctx.isConsumed(i)) {
                block(i, "makes a tensor from constants that no imported layer takes (LayerLoom takes a zero"
                        + " initial state of a recurrent layer).");
            }
        }
        if (!ctx.ownExport() && blocked.isEmpty()) {
            addOutput();
        }
    }

    /** Whether the node reads only constants. */
    private boolean dataFree(NodeProto node) {
        return node.getInputList().stream().allMatch(v -> v.isEmpty() || ctx.isConstant(v));
    }

    private Optional<LayerMatch> first(int anchor) throws Unmappable {
        for (LayerPattern pattern : OnnxPatterns.startingAt(ctx.op(anchor))) {
            Optional<LayerMatch> m = pattern.match(anchor, ctx);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private void place(int anchor, LayerMatch match) throws Unmappable {
        Set<String> sources = new HashSet<>();
        for (String input : match.inputs) {
            Optional<String> source = assembly.layerOf(input);
            if (source.isEmpty()) {
                throw new Unmappable("it reads '" + input + "', which no imported layer makes.");
            }
            if (!sources.add(source.get())) {
                throw new Unmappable("it reads the result of " + source.get() + " twice; a LayerLoom wire joins two"
                        + " layers once.");
            }
        }
        String id;
        if (ctx.ownExport()) {
            id = ctx.group(anchor);
            if (!new HashSet<>(match.nodes).containsAll(ctx.groupOf(anchor)) || assembly.contains(id)) {
                throw new Unmappable("the ONNX nodes named " + id + " do not form one " + match.kind.id()
                        + " layer as LayerLoom exports it.");
            }
        } else {
            id = assembly.freshId(match.kind);
        }
        apply(anchor, id, match);
    }

    private void apply(int anchor, String id, LayerMatch match) {
        String name = anchor < 0 ? match.output : ctx.values().nameOf(anchor);
        Map<String, String> lost = assembly.add(id, ctx.ownExport() || anchor < 0 ? id : name, match);
        ctx.consume(match.nodes);
        String op = anchor < 0 ? "input" : ctx.op(anchor);
        String what = match.nodes.size() > 1 ? match.nodes.stream().map(ctx::op).toList() + " became " : "became ";
        String remarks = match.remarks.isEmpty() ? "" : " (" + String.join("; ", match.remarks) + ")";
        notes.add(new OnnxImportNote(OnnxImportNote.Kind.MAPPED, name, op, what + match.kind.id() + " " + id + remarks + "."));
        lost.forEach((param, why) -> notes.add(new OnnxImportNote(OnnxImportNote.Kind.LOST, name, op,
                id + " '" + param + "': " + why)));
    }

    private void block(int index, String reason) {
        NodeProto node = ctx.values().node(index);
        notes.add(new OnnxImportNote(OnnxImportNote.Kind.UNMAPPED, ctx.values().nameOf(index), node.getOpType(), reason));
        node.getOutputList().stream().filter(o -> !o.isEmpty()).forEach(blocked::add);
        ctx.consume(List.of(index));
    }

    /** The loss of a LayerLoom export, from its probabilities output: softmax, or sigmoid's two columns. */
    private String ownLoss() {
        OnnxValues values = ctx.values();
        List<Integer> probabilityNodes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (ctx.group(i).equals("probabilities")) {
                probabilityNodes.add(i);
            }
        }
        ctx.consume(probabilityNodes);
        String loss = probabilityNodes.stream().anyMatch(i -> ctx.op(i).equals("Softmax")) ? "softmax_cross_entropy"
                : probabilityNodes.stream().anyMatch(i -> ctx.op(i).equals("Sigmoid")) ? "sigmoid_binary_cross_entropy"
                : "mse";
        if (!probabilityNodes.isEmpty()) {
            int first = probabilityNodes.get(0);
            notes.add(new OnnxImportNote(OnnxImportNote.Kind.MAPPED, values.nameOf(first), ctx.op(first),
                    probabilityNodes.stream().map(ctx::op).toList() + " (the probabilities output) give the Output's"
                            + " loss, " + loss + "."));
        }
        return loss;
    }

    /**
     * The Output of a foreign model, after the node that makes its first output. ONNX keeps no loss:
     * several scores get softmax cross-entropy, one score sigmoid binary cross-entropy, other shapes MSE.
     */
    private void addOutput() {
        OnnxValues values = ctx.values();
        if (values.outputs().isEmpty()) {
            notes.add(new OnnxImportNote(OnnxImportNote.Kind.PROBLEM, "", "", "the model has no output."));
            return;
        }
        String out = values.outputs().get(0);
        if (assembly.layerOf(out).isEmpty()) {
            notes.add(new OnnxImportNote(OnnxImportNote.Kind.PROBLEM, out, "", "the model's output " + out
                    + " is not made by any imported layer."));
            return;
        }
        Optional<TensorShape> shape = assembly.shapeOf(out);
        String loss = shape.filter(TensorShape::isVector)
                .map(s -> s.dim(0) >= 2 ? "softmax_cross_entropy" : "sigmoid_binary_cross_entropy").orElse("mse");
        LayerMatch m = new LayerMatch(LayerKind.OUTPUT, List.of(out), out + "#output", List.of())
                .param("loss", new ParamValue.Choice(loss))
                .lost("loss", "ONNX stores no loss; it is chosen from the output's shape.");
        apply(-1, assembly.freshId(LayerKind.OUTPUT), m);
        for (String other : values.outputs().subList(1, values.outputs().size())) {
            notes.add(new OnnxImportNote(OnnxImportNote.Kind.LOST, other, "", "the extra model output " + other
                    + " is not imported; a LayerLoom network has one Output."));
        }
    }
}
