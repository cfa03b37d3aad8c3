package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.train.event.NotFiniteCause;
import org.layerloom.engine.train.event.OutputNotFinite;

/**
 * Finds where a not-finite result came from on a batch before any update: runs the batch again through
 * the compiled network in training mode with the same parameters ({@link GraphBlock#forwardTapped}) and
 * looks, in data-flow order, at the input, then each node's weights and output; the first one that is not
 * finite is the culprit (everything before it was finite, so its inputs were). Stateless; worker thread
 * only, with the arrays of that thread.
 */
final class NonFiniteSearch {

    private final GraphBlock block;
    private final NetworkGraph graph;
    private final LayerCatalog catalog;

    NonFiniteSearch(GraphBlock block, NetworkGraph graph, LayerCatalog catalog) {
        this.block = block;
        this.graph = graph;
        this.catalog = catalog;
    }

    /** "NaN", "infinite", or null when every value of {@code array} is finite. */
    static String notFinite(NDArray array) {
        if (!array.getDataType().isFloating()) {
            return null;
        }
        if (array.isNaN().any().getBoolean()) {
            return "NaN";
        }
        return array.isInfinite().any().getBoolean() ? "infinite" : null;
    }

    /**
     * The first not-finite value on the way from {@code inputs} to the output, or a finding of
     * {@link NotFiniteCause#NOT_REPRODUCED} when this rerun is finite throughout.
     *
     * @param scope the batch's manager; the rerun's arrays are attached to it and closed with it
     */
    OutputNotFinite find(NDArray inputs, int epoch, int batch, NDManager scope) {
        OutputNotFinite[] first = new OutputNotFinite[1];
        String inputId = block.inputNodeId();
        ParameterStore store = new ParameterStore(scope, false);
        block.forwardTapped(store, new NDList(inputs), true, (nodeId, output) -> {
            if (first[0] != null) {
                return output;
            }
            if (nodeId.equals(inputId)) {
                String value = notFinite(output);
                if (value != null) {
                    first[0] = OutputNotFinite.builder().setBatch(epoch, batch).setCause(NotFiniteCause.INPUT)
                            .setValue(value).build();
                }
                return output;
            }
            first[0] = inWeights(nodeId, epoch, batch);
            if (first[0] == null) {
                String value = notFinite(output);
                if (value != null) {
                    first[0] = finding(NotFiniteCause.LAYER, nodeId, "", value, epoch, batch);
                }
            }
            return output;
        });
        return first[0] != null ? first[0]
                : OutputNotFinite.builder().setBatch(epoch, batch).setCause(NotFiniteCause.NOT_REPRODUCED).setValue("NaN")
                        .build();
    }

    private OutputNotFinite inWeights(String nodeId, int epoch, int batch) {
        Block nodeBlock = block.nodeBlock(nodeId).orElse(null);
        if (nodeBlock == null) {
            return null;
        }
        for (Pair<String, Parameter> pair : nodeBlock.getParameters()) {
            NDArray array = pair.getValue().getArray();
            String value = array == null ? null : notFinite(array);
            if (value != null) {
                return finding(NotFiniteCause.PARAMETER, nodeId, pair.getValue().getName(), value, epoch, batch);
            }
        }
        return null;
    }

    private OutputNotFinite finding(NotFiniteCause cause, String nodeId, String parameter, String value, int epoch,
                                    int batch) {
        Node node = graph.node(nodeId).orElse(null);
        String name = node == null ? nodeId : node.name();
        String kind = node == null ? "" : catalog.type(node.kind()).displayName();
        return OutputNotFinite.builder().setBatch(epoch, batch).setCause(cause).optNode(nodeId, name, kind)
                .optParameter(parameter).setValue(value).build();
    }
}
