package org.layerloom.editor.view;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;

/**
 * One parameter of the selected layer as a ControlsFX {@link PropertySheet.Item}: its value is the document's,
 * refreshed by {@link #show} after every change of the graph (an undo too); a new value goes to the {@code commit}
 * function, which makes it one undoable step or says why it is refused. JavaFX thread only.
 */
final class ParamItem implements PropertySheet.Item {

    private final ParamSpec spec;
    private final String category;
    private final Function<ParamValue, Optional<String>> commit;
    private final ReadOnlyObjectWrapper<ParamValue> value = new ReadOnlyObjectWrapper<>(this, "value");

    /** {@code commit} applies a value and returns why it was refused, or empty. */
    ParamItem(ParamSpec spec, String category, ParamValue initial, Function<ParamValue, Optional<String>> commit) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.category = Objects.requireNonNull(category, "category");
        this.commit = Objects.requireNonNull(commit, "commit");
        value.set(initial);
    }

    ParamSpec spec() {
        return spec;
    }

    /** Shows the document's value (no change is made). */
    void show(ParamValue documentValue) {
        value.set(documentValue);
    }

    ReadOnlyObjectProperty<ParamValue> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Asks for {@code newValue}; returns why it was refused, or empty when it was set (or was the value already). */
    Optional<String> request(ParamValue newValue) {
        return commit.apply(newValue);
    }

    /** The allowed values in words ("between 1 and 100,000"), or empty for choices, flags and unbounded values. */
    String rangeText() {
        if (spec.range() == null) {
            return "";
        }
        return switch (spec.type()) {
            case INTEGER -> spec.range().describe(true);
            case REAL -> spec.range().describe(false);
            default -> "";
        };
    }

    @Override
    public Class<?> getType() {
        return ParamValue.class;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return spec.label();
    }

    /** The one-line explanation with the allowed values, shown as the name's tooltip. */
    @Override
    public String getDescription() {
        String range = rangeText();
        return range.isEmpty() ? spec.help() : spec.help() + " (" + range + ")";
    }

    @Override
    public Object getValue() {
        return value.get();
    }

    @Override
    public void setValue(Object newValue) {
        request((ParamValue) newValue);
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(value.getReadOnlyProperty());
    }
}
