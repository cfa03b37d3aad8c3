package org.layerloom.editor.view;

import java.util.Optional;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.layerloom.editor.model.ParamParser;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;

/**
 * The editor of one layer parameter, typed by its {@link ParamSpec}: a text field for whole numbers,
 * real numbers and shapes (committed with Enter or on leaving the field, the allowed range shown as a
 * hint), a drop-down for choices and a check box for flags, with the help text underneath. A value
 * that is refused (by the parser or by {@code commit}) stays in the field, marked red, with the
 * reason; the document is not touched. JavaFX thread only.
 */
final class ParamEditor extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ParamSpec spec;
    private final Function<ParamValue, Optional<String>> commit;
    private final Label error = new Label();
    private final Node control;
    private TextField field;
    private ComboBox<ChoiceOption> combo;
    private CheckBox check;
    private boolean updating;

    /** {@code commit} applies a value and returns why it was refused, or empty. */
    ParamEditor(ParamSpec spec, Function<ParamValue, Optional<String>> commit) {
        this.spec = spec;
        this.commit = commit;
        getStyleClass().add("param-editor");
        Label label = new Label(spec.label());
        label.getStyleClass().add("param-label");
        control = switch (spec.type()) {
            case CHOICE -> buildCombo();
            case FLAG -> buildCheck();
            default -> buildField();
        };
        control.setId("param-" + spec.name());
        Label help = new Label(spec.help() + hint());
        help.getStyleClass().add("param-help");
        help.setWrapText(true);
        error.getStyleClass().add("param-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        Tooltip.install(label, new Tooltip(spec.help()));
        getChildren().addAll(label, control, error, help);
    }

    String paramName() {
        return spec.name();
    }

    private String hint() {
        if (spec.range() == null) {
            return "";
        }
        return switch (spec.type()) {
            case INTEGER -> " (" + spec.range().describe(true) + ")";
            case REAL -> " (" + spec.range().describe(false) + ")";
            default -> "";
        };
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
                field.setText(shownValue);
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

    private Node buildCheck() {
        check = new CheckBox("Yes");
        check.setOnAction(e -> {
            if (!updating) {
                apply(new ParamValue.Flag(check.isSelected()));
            }
        });
        return check;
    }

    private String shownValue = "";

    /** Shows the document's value, unless the student is in the middle of fixing a refused one. */
    void show(ParamValue value) {
        updating = true;
        try {
            switch (spec.type()) {
                case CHOICE -> combo.setValue(spec.choice(((ParamValue.Choice) value).value()).orElse(null));
                case FLAG -> check.setSelected(((ParamValue.Flag) value).value());
                default -> {
                    shownValue = text(value);
                    if (!field.getPseudoClassStates().contains(INVALID) || !field.isFocused()) {
                        field.setText(shownValue);
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
        if (updating || field.getText().equals(shownValue)) {
            if (field.getText().equals(shownValue)) {
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
        Optional<String> refusal = commit.apply(value);
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

    /** The error shown now, for tests. */
    String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    private static final class ChoiceCell extends ListCell<ChoiceOption> {
        @Override
        protected void updateItem(ChoiceOption item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
