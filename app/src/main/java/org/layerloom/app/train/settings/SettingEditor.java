package org.layerloom.app.train.settings;

import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The editor of one {@link SettingItem} in the settings panel: a text field for numbers (checked against the
 * field's range when the student presses Enter or leaves it; a problem shows below it in words and the project keeps
 * its value), a list for choices and a switch for on/off; under it, always visible, the allowed values and a
 * one-line explanation. Follows the item when the project changes (an undo). JavaFX thread only.
 */
final class SettingEditor implements PropertyEditor<Object> {

    private final SettingItem item;
    private final TrainingSettingField field;
    private final VBox box = new VBox(2);
    private final Label hint = new Label();
    private final Control control;
    private boolean showing;

    SettingEditor(SettingItem item) {
        this.item = Objects.requireNonNull(item, "item");
        this.field = item.field();
        control = switch (field.kind()) {
            case WHOLE, REAL -> numberField();
            case CHOICE -> choices();
            case FLAG -> toggle();
        };
        control.setId("setting-" + field.id());
        control.getStyleClass().add("setting-control");
        hint.getStyleClass().addAll("setting-hint", "muted");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        plainHint();
        box.getChildren().addAll(control, hint);
        box.getStyleClass().add("setting-editor");
        item.valueProperty().addListener((o, a, b) -> setValue(b));
        item.lockProperty().addListener((o, a, b) -> showLock(b));
        showLock(item.lockProperty().get());
    }

    /** Disables the control and says why while an assignment fixes this setting. */
    private void showLock(java.util.Optional<String> reason) {
        control.setDisable(reason.isPresent());
        if (reason.isPresent()) {
            hint.setText("Locked by the assignment: " + reason.get());
            hint.setGraphic(org.layerloom.editor.view.LockIcon.create());
        } else {
            hint.setGraphic(null);
            plainHint();
        }
    }

    private TextField numberField() {
        TextField text = new TextField();
        text.setPrefColumnCount(10);
        text.setOnAction(e -> commit(text));
        text.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit(text);
            }
        });
        return text;
    }

    private void commit(TextField text) {
        if (showing) {
            return;
        }
        TrainingSettingField.Parsed parsed = field.parse(text.getText());
        if (!parsed.ok()) {
            hint.setText(parsed.problem());
            hint.getStyleClass().add("setting-problem");
            return;
        }
        plainHint();
        item.setValue(parsed.value());
        text.setText(field.format(item.getValue()));
    }

    private ComboBox<Object> choices() {
        ComboBox<Object> box = new ComboBox<>(FXCollections.observableArrayList(field.choices()));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object value) {
                return value == null ? "" : TrainingSettingField.choiceName(value);
            }

            @Override
            public Object fromString(String text) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                item.setValue(b);
            }
        });
        return box;
    }

    private ToggleSwitch toggle() {
        ToggleSwitch toggle = new ToggleSwitch();
        toggle.selectedProperty().addListener((o, a, b) -> {
            if (!showing) {
                item.setValue(b);
            }
        });
        return toggle;
    }

    private void plainHint() {
        if (item.lockProperty().get().isPresent()) {
            hint.setText("Locked by the assignment: " + item.lockProperty().get().get());
            hint.getStyleClass().remove("setting-problem");
            return;
        }
        String range = field.rangeText();
        hint.setText(range.isEmpty() ? field.help() : range + ". " + field.help());
        hint.getStyleClass().remove("setting-problem");
    }

    @Override
    public Node getEditor() {
        return box;
    }

    @Override
    public Object getValue() {
        return item.getValue();
    }

    /** Shows {@code value} without asking for a change. */
    @Override
    @SuppressWarnings("unchecked")
    public void setValue(Object value) {
        showing = true;
        try {
            switch (field.kind()) {
                case WHOLE, REAL -> {
                    ((TextField) control).setText(value == null ? "" : field.format(value));
                    plainHint();
                }
                case CHOICE -> ((ComboBox<Object>) control).setValue(value);
                case FLAG -> ((ToggleSwitch) control).setSelected(Boolean.TRUE.equals(value));
            }
        } finally {
            showing = false;
        }
    }
}
