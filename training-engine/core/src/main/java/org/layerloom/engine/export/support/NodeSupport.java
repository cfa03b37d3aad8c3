package org.layerloom.engine.export.support;

import java.util.Optional;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/**
 * One export target's answer, per node, to "can you express this layer?". An implementation names every
 * {@code LayerKind} in an exhaustive switch, so that a new layer kind does not compile until each target
 * has decided about it. Implementations are stateless; any thread.
 */
public interface NodeSupport {

    /**
     * Why {@code node} cannot be exported, as the end of a sentence that begins with the node's name
     * ("… cannot be exported to PyTorch: " + reason), with the fix where there is one; empty when it can.
     *
     * @param report what validation found for the node (the shapes arriving at it and the shape it makes)
     */
    Optional<String> refusal(Node node, NodeReport report);
}
