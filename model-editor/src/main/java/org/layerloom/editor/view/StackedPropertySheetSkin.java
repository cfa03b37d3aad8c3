package org.layerloom.editor.view;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The skin of a {@link StackedPropertySheet}, for a narrow panel that scrolls as a whole: each item's name above
 * its editor (which spans the full width, so the explanation under a value reads in a few lines), one list in the
 * items' order, without the default skin's mode switcher, search box and scroll pane. It honours the sheet's items,
 * editor factory and title filter; the name wraps rather than being cut and carries the item's description as a
 * tooltip. Style it with {@code .property-pane}, {@code .property-row} and {@code .property-name}. JavaFX thread only.
 */
final class StackedPropertySheetSkin extends SkinBase<PropertySheet> {

    private final VBox rows = new VBox();

    StackedPropertySheetSkin(PropertySheet sheet) {
        super(sheet);
        rows.getStyleClass().add("property-pane");
        getChildren().add(rows);
        registerListChangeListener(sheet.getItems(), change -> rebuild());
        registerChangeListener(sheet.propertyEditorFactory(), value -> rebuild());
        registerChangeListener(sheet.titleFilter(), value -> rebuild());
        rebuild();
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + rows.prefHeight(width < 0 ? -1 : width - left - right) + bottom; // the rows wrap at this width
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        rows.resizeRelocate(x, y, w, h);
    }

    private void rebuild() {
        rows.getChildren().clear();
        String filter = getSkinnable().getTitleFilter() == null ? ""
                : getSkinnable().getTitleFilter().trim().toLowerCase(Locale.ROOT);
        for (PropertySheet.Item item : getSkinnable().getItems()) {
            if (!filter.isEmpty() && !item.getName().toLowerCase(Locale.ROOT).contains(filter)) {
                continue;
            }
            rows.getChildren().add(row(item));
        }
    }

    private VBox row(PropertySheet.Item item) {
        Label name = new Label(item.getName());
        name.getStyleClass().add("property-name");
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        String description = item.getDescription();
        if (description != null && !description.isBlank()) {
            name.setTooltip(new Tooltip(description));
        }
        Node editor = editorOf(item);
        name.setLabelFor(editor);
        VBox row = new VBox(name, editor);
        row.getStyleClass().add("property-row");
        return row;
    }

    @SuppressWarnings("unchecked")
    private Node editorOf(PropertySheet.Item item) {
        PropertyEditor<Object> editor = (PropertyEditor<Object>) getSkinnable().getPropertyEditorFactory().call(item);
        if (editor == null) {
            Label value = new Label(String.valueOf(item.getValue()));
            value.getStyleClass().add("property-value");
            return value;
        }
        editor.setValue(item.getValue());
        return editor.getEditor();
    }
}
