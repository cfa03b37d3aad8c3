package org.layerloom.editor.view;

import javafx.geometry.Orientation;
import javafx.scene.control.Skin;
import org.controlsfx.control.PropertySheet;

/**
 * A ControlsFX {@link PropertySheet} for a narrow panel that scrolls as a whole, drawn by a
 * {@link StackedPropertySheetSkin}: each name above its editor, one list in the items' order, no mode switcher or
 * search box, and as tall as its rows at the width it is given (the explanations wrap). JavaFX thread only.
 */
final class StackedPropertySheet extends PropertySheet {

    StackedPropertySheet() {
        setMode(Mode.NAME);
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setMinHeight(USE_PREF_SIZE);
        setFocusTraversable(false); // Tab goes from one editor to the next, not to the sheet around them
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new StackedPropertySheetSkin(this);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL; // the explanations wrap: the height depends on the width
    }
}
