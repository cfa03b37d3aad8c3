package org.layerloom.app.inspect;

import javafx.scene.control.Label;
import org.layerloom.app.ui.Css;

/** Short explanations under section titles: muted, wrapping labels. Stateless; JavaFX thread. */
final class Notes {

    private Notes() {
    }

    static Label note(String text) {
        Label label = Css.styled(new Label(text), "muted", "inspect-note");
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }
}
