package org.layerloom.app.ui.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;

/**
 * The state of the layer reference: the search text, the layer kinds that match it grouped by
 * category (in palette order), and the selected kind. No controls, so it is tested without a toolkit.
 * JavaFX thread only (or a single test thread).
 */
public final class LayerReferenceViewModel {

    private final LayerCatalog catalog;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<Map<Category, List<LayerType>>> groups =
            new ReadOnlyObjectWrapper<>(this, "groups");
    private final ObjectProperty<LayerType> selected = new SimpleObjectProperty<>(this, "selected");

    public LayerReferenceViewModel(LayerCatalog catalog) {
        this.catalog = catalog;
        groups.set(group(""));
        search.addListener((obs, old, text) -> groups.set(group(text)));
        catalog.all().stream().findFirst().ifPresent(selected::set);
    }

    /** What the student typed into the search field. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Matching kinds by category, categories in palette order; a category without matches is left out. */
    public ReadOnlyObjectProperty<Map<Category, List<LayerType>>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    /** The kind whose explanation is shown; never null. */
    public ObjectProperty<LayerType> selectedProperty() {
        return selected;
    }

    /** The kinds that match the search, in palette order. */
    public List<LayerType> matches() {
        List<LayerType> all = new ArrayList<>();
        groups.get().values().forEach(all::addAll);
        return all;
    }

    /** Selects the kind with this id (as in project files, e.g. {@code Conv2D}); false if there is none. */
    public boolean selectKind(String kindId) {
        Optional<LayerKind> kind = LayerKind.fromId(kindId).filter(catalog::defines);
        kind.ifPresent(this::select);
        return kind.isPresent();
    }

    /** Selects a kind the catalog defines. */
    public void select(LayerKind kind) {
        selected.set(catalog.type(kind));
    }

    private Map<Category, List<LayerType>> group(String text) {
        String query = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Map<Category, List<LayerType>> byCategory = new LinkedHashMap<>();
        for (LayerType type : catalog.all()) {
            if (query.isEmpty() || matches(type, query)) {
                byCategory.computeIfAbsent(type.category(), c -> new ArrayList<>()).add(type);
            }
        }
        byCategory.replaceAll((category, types) -> List.copyOf(types));
        return java.util.Collections.unmodifiableMap(byCategory);
    }

    private static boolean matches(LayerType type, String query) {
        return contains(type.displayName(), query) || contains(type.kind().id(), query)
                || contains(type.category().label(), query) || contains(type.summary(), query);
    }

    private static boolean contains(String text, String query) {
        return text.toLowerCase(Locale.ROOT).contains(query);
    }
}
