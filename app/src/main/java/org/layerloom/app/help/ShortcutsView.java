package org.layerloom.app.help;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Help > Keyboard Shortcuts: every shortcut of the window and the editor, grouped, keys on the left
 * (Ctrl is Cmd on a Mac). JavaFX thread only.
 */
public final class ShortcutsView extends ScrollPane {

    /** One shortcut: the keys and what they do. */
    public record Shortcut(String keys, String action) {
    }

    /** A titled group of shortcuts. */
    public record Group(String title, List<Shortcut> shortcuts) {
    }

    /** Every shortcut, as the menus define them. */
    public static final List<Group> GROUPS = List.of(
            new Group("Window", List.of(
                    new Shortcut("Ctrl+1 … Ctrl+4", "Data, Model, Train, Inspect"),
                    new Shortcut("Ctrl+Shift+H", "the start screen"),
                    new Shortcut("Ctrl+,", "settings (theme, font size, device, autosave)"),
                    new Shortcut("Ctrl+Q", "quit"))),
            new Group("Files", List.of(
                    new Shortcut("Ctrl+N, Ctrl+O", "new project, open a project"),
                    new Shortcut("Ctrl+S, Ctrl+Shift+S", "save, save as"),
                    new Shortcut("Ctrl+E, Ctrl+Shift+E", "export the network as a PNG or SVG picture"))),
            new Group("Editing the network", List.of(
                    new Shortcut("Ctrl+Z, Ctrl+Shift+Z", "undo, redo"),
                    new Shortcut("Ctrl+X, Ctrl+C, Ctrl+V", "cut, copy, paste the selected layers"),
                    new Shortcut("Ctrl+D", "duplicate the selection"),
                    new Shortcut("Delete", "delete the selected layers and wires"),
                    new Shortcut("Ctrl+A", "select everything"),
                    new Shortcut("Arrows (Shift: ×5)", "nudge the selection"),
                    new Shortcut("F2", "rename the selected layer"),
                    new Shortcut("Ctrl+L, Ctrl+Shift+L", "tidy the layout left to right, top to bottom"))),
            new Group("Viewing", List.of(
                    new Shortcut("F", "fit the network in the window"),
                    new Shortcut("Ctrl+=, Ctrl+Minus, Ctrl+0", "zoom in, zoom out, 100 %"),
                    new Shortcut("Ctrl+G, Ctrl+M", "snap to grid, minimap"),
                    new Shortcut("Ctrl+Shift+T", "dark theme"))),
            new Group("Model and training", List.of(
                    new Shortcut("Ctrl+K", "check the network (shapes, parameters, problems)"),
                    new Shortcut("F5, Shift+F5", "start, stop training"),
                    new Shortcut("F6, F7", "pause, resume training"),
                    new Shortcut("F8", "train one batch as a step, then pause"))),
            new Group("Help", List.of(
                    new Shortcut("F1", "the layer reference"),
                    new Shortcut("Ctrl+/", "this list"))));

    public ShortcutsView() {
        setId("shortcuts-view");
        getStyleClass().add("shortcuts-view");
        VBox content = new VBox(18);
        content.setPadding(new Insets(20, 24, 24, 24));
        for (Group group : GROUPS) {
            Label title = new Label(group.title());
            title.getStyleClass().add("section-heading");
            GridPane grid = new GridPane();
            grid.setHgap(18);
            grid.setVgap(6);
            ColumnConstraints keys = new ColumnConstraints();
            keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            keys.setPrefWidth(230);
            grid.getColumnConstraints().add(keys);
            int row = 0;
            for (Shortcut shortcut : group.shortcuts()) {
                Label key = new Label(shortcut.keys());
                key.getStyleClass().add("shortcut-keys");
                Label action = new Label(shortcut.action());
                action.setWrapText(true);
                grid.addRow(row++, key, action);
            }
            content.getChildren().add(new VBox(8, title, grid));
        }
        setContent(content);
        setFitToWidth(true);
    }
}
