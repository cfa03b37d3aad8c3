package org.layerloom.app.train.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One {@link TrainingSettingField} as a ControlsFX {@link PropertySheet.Item}: its value is the project's, refreshed
 * by {@link #show(Object)} after every change of the project (an undo too); a new value from the editor goes to the
 * {@code change} callback, which makes it an undoable step. JavaFX thread only.
 */
public final class SettingItem implements PropertySheet.Item {

    private final TrainingSettingField field;
    private final BiConsumer<TrainingSettingField, Object> change;
    private final ReadOnlyObjectWrapper<Object> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyObjectWrapper<Optional<String>> lock = new ReadOnlyObjectWrapper<>(this, "lock",
            Optional.empty());

    SettingItem(TrainingSettingField field, Object initial, BiConsumer<TrainingSettingField, Object> change) {
        this.field = Objects.requireNonNull(field, "field");
        this.change = Objects.requireNonNull(change, "change");
        value.set(initial);
    }

    public TrainingSettingField field() {
        return field;
    }

    /** Shows the project's value (no change is made). */
    void show(Object projectValue) {
        value.set(projectValue);
    }

    /** The teacher's reason when an assignment fixes this setting, else empty. */
    public ReadOnlyObjectProperty<Optional<String>> lockProperty() {
        return lock.getReadOnlyProperty();
    }

    void lock(Optional<String> reason) {
        if (!reason.equals(lock.get())) {
            lock.set(reason);
        }
    }

    public ReadOnlyObjectProperty<Object> valueProperty() {
        return value.getReadOnlyProperty();
    }

    @Override
    public Class<?> getType() {
        return Object.class;
    }

    @Override
    public String getCategory() {
        return field.category();
    }

    @Override
    public String getName() {
        return field.name();
    }

    @Override
    public String getDescription() {
        return field.help();
    }

    @Override
    public Object getValue() {
        return value.get();
    }

    /** Asks for {@code newValue} (checked already); nothing happens when it is the value shown. */
    @Override
    public void setValue(Object newValue) {
        if (!Objects.equals(newValue, value.get()) && lock.get().isEmpty()) {
            change.accept(field, newValue);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(value.getReadOnlyProperty());
    }
}
