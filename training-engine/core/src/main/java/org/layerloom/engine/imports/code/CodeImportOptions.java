package org.layerloom.engine.imports.code;

import java.util.List;
import java.util.Optional;

/**
 * What the student tells the importer that the code does not say: the input shape of one example in
 * LayerLoom's order (channels first), needed by an {@code nn.Sequential} that does not start with a
 * {@code Linear}. Immutable; any thread.
 */
public record CodeImportOptions(Optional<List<Integer>> inputShape) {

    public CodeImportOptions {
        inputShape = inputShape.map(List::copyOf);
    }

    public static CodeImportOptions none() {
        return new CodeImportOptions(Optional.empty());
    }

    public static CodeImportOptions withInputShape(List<Integer> shape) {
        return new CodeImportOptions(Optional.of(shape));
    }
}
