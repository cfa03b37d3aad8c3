package org.layerloom.engine.graph;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.layers.StandardLayers;

/**
 * One {@link LayerType} per {@link LayerKind}: the definitions the palette, the property sheet, the
 * validator, the compiler and the layer reference all read. Immutable; any thread.
 */
public final class LayerCatalog {

    private static final LayerCatalog STANDARD = new LayerCatalog(StandardLayers.create());

    private final Map<LayerKind, LayerType> types;

    public LayerCatalog(List<LayerType> types) {
        EnumMap<LayerKind, LayerType> byKind = new EnumMap<>(LayerKind.class);
        for (LayerType type : types) {
            if (byKind.put(type.kind(), type) != null) {
                throw new IllegalArgumentException("two definitions of " + type.kind());
            }
        }
        this.types = Collections.unmodifiableMap(byKind);
    }

    /** The catalog of every layer kind LayerLoom knows (constant data, shared). */
    public static LayerCatalog standard() {
        return STANDARD;
    }

    public LayerType type(LayerKind kind) {
        LayerType type = types.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("no definition for " + kind);
        }
        return type;
    }

    public boolean defines(LayerKind kind) {
        return types.containsKey(kind);
    }

    /** In palette order: by category, then in the order of {@link LayerKind}. */
    public List<LayerType> all() {
        Collection<LayerType> values = types.values();
        return values.stream()
                .sorted(java.util.Comparator.comparing(LayerType::category).thenComparing(LayerType::kind))
                .toList();
    }

    public List<LayerType> inCategory(Category category) {
        return all().stream().filter(t -> t.category() == category).toList();
    }
}
