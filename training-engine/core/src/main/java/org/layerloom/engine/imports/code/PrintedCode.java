package org.layerloom.engine.imports.code;

import java.util.List;

/**
 * Code a printer wrote for a network, and the layers or settings it could not express in that framework
 * (each also marked by a comment in the code). Immutable; any thread.
 */
public record PrintedCode(String code, List<String> unsupported) {

    public PrintedCode {
        unsupported = List.copyOf(unsupported);
    }

    /** Whether the code says everything the network is. */
    public boolean complete() {
        return unsupported.isEmpty();
    }
}
