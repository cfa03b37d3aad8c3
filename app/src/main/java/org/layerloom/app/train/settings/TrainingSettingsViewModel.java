package org.layerloom.app.train.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.controlsfx.control.PropertySheet;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The settings panel's state: for each group of {@link TrainingSettingFields}, the items that matter for the
 * project's settings now (its optimizer's hyper-parameters, its schedule's), their values and the schedule's
 * preview, all re-read from the project by {@link #refresh()} after every change of it (an undo too). A value the
 * student sets becomes one undoable step through {@link Changes}, named "Set batch size to 64". Usable without a
 * window; JavaFX thread only.
 */
public final class TrainingSettingsViewModel {

    /** Makes a change of the project's training settings one undoable step named {@code name}. */
    @FunctionalInterface
    public interface Changes {
        void change(UnaryOperator<TrainingSettings> change, String name, Object coalesceKey);
    }

    private final Supplier<TrainingSettings> settings;
    private final Changes changes;
    private final Map<String, ObservableList<PropertySheet.Item>> groups = new LinkedHashMap<>();
    private final Map<String, SettingItem> items = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<SchedulePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private boolean gpuSeen;

    /**
     * @param settings the project's training settings now
     * @param changes  makes a change an undoable step of the project (and saves it)
     */
    public TrainingSettingsViewModel(Supplier<TrainingSettings> settings, Changes changes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.changes = Objects.requireNonNull(changes, "changes");
        for (String group : List.of(TrainingSettingFields.RUN, TrainingSettingFields.OPTIMIZER,
                TrainingSettingFields.SCHEDULE, TrainingSettingFields.SEED_AND_DEVICE)) {
            groups.put(group, FXCollections.observableArrayList());
        }
        rebuild();
    }

    /** Whether DJL sees a GPU: only then is GPU offered as a device. */
    public void setGpuSeen(boolean seen) {
        if (seen != gpuSeen) {
            gpuSeen = seen;
            rebuild();
        }
    }

    /** The groups' titles, in order. */
    public List<String> groups() {
        return List.copyOf(groups.keySet());
    }

    /** The items of {@code group} that matter for the project's settings now. */
    public ObservableList<PropertySheet.Item> items(String group) {
        return groups.get(group);
    }

    /** The item with {@code id} ("batch-size"), or null while it does not matter (momentum for Adam). */
    public SettingItem item(String id) {
        SettingItem item = items.get(id);
        return item != null && groups.get(item.getCategory()).contains(item) ? item : null;
    }

    /** The schedule's learning rate over the epochs, as the engine would train it. */
    public ReadOnlyObjectProperty<SchedulePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /**
     * Locks the settings for which {@code reasons} (by field id, such as "batch-size") gives the teacher's
     * reason: their controls are disabled and show it.
     */
    public void useLocks(java.util.function.Function<String, java.util.Optional<String>> reasons) {
        locks = reasons;
        refresh();
    }

    /** Re-reads the project's settings: the values, which fields matter and the preview. */
    public void refresh() {
        TrainingSettings now = settings.get();
        for (Map.Entry<String, ObservableList<PropertySheet.Item>> group : groups.entrySet()) {
            List<PropertySheet.Item> shown = new ArrayList<>();
            for (SettingItem item : items.values()) {
                if (item.getCategory().equals(group.getKey()) && item.field().isShownFor(now)) {
                    shown.add(item);
                }
            }
            if (!shown.equals(group.getValue())) {
                group.getValue().setAll(shown);
            }
        }
        items.values().forEach(item -> item.show(item.field().valueIn(now)));
        items.values().forEach(item -> item.lock(locks.apply(item.field().id())));
        preview.set(SchedulePreview.of(now));
    }

    private java.util.function.Function<String, java.util.Optional<String>> locks = id -> java.util.Optional.empty();

    private void rebuild() {
        TrainingSettings now = settings.get();
        items.clear();
        for (TrainingSettingField field : TrainingSettingFields.all(gpuSeen)) {
            items.put(field.id(), new SettingItem(field, field.valueIn(now), this::set));
        }
        groups.values().forEach(List::clear);
        refresh();
    }

    private void set(TrainingSettingField field, Object value) {
        changes.change(s -> field.with(s, value), field.stepName(value), null);
    }
}
