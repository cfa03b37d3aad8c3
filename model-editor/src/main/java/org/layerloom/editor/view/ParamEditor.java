package org.layerloom.editor.view;

import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.property.editor.PropertyEditor;
import org.layerloom.editor.model.ParamParser;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;

/**
 * The ControlsFX editor of one {@link ParamItem}, typed by its {@link ParamSpec}: a text field for whole numbers,
 * real numbers and shapes (committed with Enter or on leaving the field, Escape restores the layer's value), a
 * drop-down for choices and a switch for on/off; under it, always visible, the one-line explanation and the allowed
 * values. A value that is refused (by the parser or by the command) stays in the field, marked red, with the reason
 * right under it; the document is not touched. Follows the item when the document changes (an undo). JavaFX thread
 * only.
 */
final class ParamEditor implements PropertyEditor<ParamValue> {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ParamItem item;
    private final ParamSpec spec;
    private final VBox box = new VBox();
    private final Label error = new Label();
    private final Node control;
    private TextField field;
    private ComboBox<ChoiceOption> combo;
    private ToggleSwitch toggle;
    private String shownText = "";
    private boolean updating;

    ParamEditor(ParamItem item) {
        this.item = item;
        this.spec = item.spec();
        control = switch (spec.type()) {
            case CHOICE -> buildCombo();
            case FLAG -> buildToggle();
            default -> buildField();
        };
        control.setId("param-" + spec.name());
        control.getStyleClass().add("param-control");
        error.getStyleClass().add("param-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setVisible(false);
        error.setManaged(false);
        String range = item.rangeText();
        Label help = new Label(range.isEmpty() ? spec.help() : spec.help() + " (" + range + ")");
        help.getStyleClass().add("param-help");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        box.getStyleClass().add("param-editor");
        box.getChildren().addAll(control, error, help);
        item.valueProperty().addListener((obs, was, is) -> setValue(is));
        setValue((ParamValue) item.getValue());
    }

    private Node buildField() {
        field = new TextField();
        field.getStyleClass().add("param-field");
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitText();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                clearError();
                field.setText(shownText);
            }
        });
        return field;
    }

    private Node buildCombo() {
        combo = new ComboBox<>();
        combo.getItems().setAll(spec.choices());
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setCellFactory(list -> new ChoiceCell());
        combo.setButtonCell(new ChoiceCell());
        combo.setOnAction(e -> {
            if (!updating && combo.getValue() != null) {
                apply(new ParamValue.Choice(combo.getValue().id()));
            }
        });
        return combo;
    }

    private Node buildToggle() {
        toggle = new ToggleSwitch();
        toggle.selectedProperty().addListener((obs, was, is) -> {
            if (!updating) {
                apply(new ParamValue.Flag(is));
            }
        });
        return toggle;
    }

    @Override
    public Node getEditor() {
        return box;
    }

    @Override
    public ParamValue getValue() {
        return (ParamValue) item.getValue();
    }

    /**
     * Shows the document's value; a focused text field is left alone unless that value changed (an undo) and the
     * student is not fixing a refused one.
     */
    @Override
    public void setValue(ParamValue value) {
        if (value == null) {
            return;
        }
        updating = true;
        try {
            switch (spec.type()) {
                case CHOICE -> combo.setValue(spec.choice(((ParamValue.Choice) value).value()).orElse(null));
                case FLAG -> toggle.setSelected(((ParamValue.Flag) value).value());
                default -> {
                    String text = text(value);
                    boolean changed = !text.equals(shownText);
                    shownText = text;
                    // A focused field keeps what the student is typing (or fixing) through unrelated updates.
                    if (!field.isFocused() || changed && !field.getPseudoClassStates().contains(INVALID)) {
                        field.setText(shownText);
                        clearError();
                    }
                }
            }
        } finally {
            updating = false;
        }
    }

    private static String text(ParamValue value) {
        return value instanceof ParamValue.Dims dims ? dims.display() : value.display();
    }

    private void commitText() {
        if (updating || field.getText().equals(shownText)) {
            if (field.getText().equals(shownText)) {
                clearError();
            }
            return;
        }
        ParamParser.Result result = ParamParser.parse(spec, field.getText());
        if (result.reason().isPresent()) {
            showError(result.reason().get());
            return;
        }
        apply(result.value().get());
    }

    private void apply(ParamValue value) {
        Optional<String> refusal = item.request(value);
        if (refusal.isPresent()) {
            showError(refusal.get());
        } else {
            clearError();
        }
    }

    private void showError(String reason) {
        error.setText(reason);
        error.setVisible(true);
        error.setManaged(true);
        control.pseudoClassStateChanged(INVALID, true);
    }

    private void clearError() {
        error.setVisible(false);
        error.setManaged(false);
        control.pseudoClassStateChanged(INVALID, false);
    }

    private static final class ChoiceCell extends ListCell<ChoiceOption> {
        @Override
        protected void updateItem(ChoiceOption item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
