package org.layerloom.engine.imports.code;

import java.util.List;
import java.util.Set;

/**
 * A framework function's parameters as LayerLoom reads them: positional names in order, the other
 * keywords it understands, and the keywords it ignores (names, initialisers) with a note. Immutable.
 */
record Signature(String display, List<String> positional, Set<String> keywords, Set<String> ignored) {

    Signature {
        positional = List.copyOf(positional);
        keywords = Set.copyOf(keywords);
        ignored = Set.copyOf(ignored);
    }

    boolean knows(String keyword) {
        return positional.contains(keyword) || keywords.contains(keyword);
    }
}
