package org.layerloom.engine.imports.code;

import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Parameters;

/**
 * One LayerLoom layer that a framework layer becomes: its kind, the parameters that differ from the
 * catalog's defaults, the framework's name for it (which {@code LogSoftmax} needs) and where it was written.
 * Immutable; any thread.
 */
record LayerStep(LayerKind kind, Parameters params, String frameworkName, SourcePos pos) {

    static LayerStep of(LayerKind kind, SourcePos pos, String frameworkName) {
        return new LayerStep(kind, Parameters.empty(), frameworkName, pos);
    }

    LayerStep with(String name, org.layerloom.engine.graph.ParamValue value) {
        return new LayerStep(kind, params.with(name, value), frameworkName, pos);
    }
}
