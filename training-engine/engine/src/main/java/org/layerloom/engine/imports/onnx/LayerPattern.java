package org.layerloom.engine.imports.onnx;

import java.util.Optional;

/**
 * Recognises one LayerLoom layer in the ONNX graph, starting at its first ONNX node (the anchor, the
 * first of its nodes in file order that is not yet imported). Empty when the pattern does not apply;
 * {@link Unmappable} when it applies but the node's settings have no LayerLoom counterpart. Stateless
 * implementations; one import's thread.
 */
@FunctionalInterface
interface LayerPattern {

    Optional<LayerMatch> match(int anchor, MatchContext ctx) throws Unmappable;
}
