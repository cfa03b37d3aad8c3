package org.layerloom.editor.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.layerloom.editor.command.CopyCommand;
import org.layerloom.editor.command.CutCommand;
import org.layerloom.editor.command.DeleteSelectionCommand;
import org.layerloom.editor.command.DuplicateCommand;
import org.layerloom.editor.command.EditorCommand;
import org.layerloom.editor.command.NudgeCommand;
import org.layerloom.editor.command.PasteCommand;
import org.layerloom.editor.command.RedoCommand;
import org.layerloom.editor.command.SelectAllCommand;
import org.layerloom.editor.command.TidyLayoutCommand;
import org.layerloom.editor.command.UndoCommand;
import org.layerloom.editor.command.UnwireCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.TidyLayout;
import org.layerloom.engine.graph.Wire;

/**
 * The editor's menus (File, Edit, View) with a shortcut on every action, the context menus of the
 * canvas, and the refresh of every item's enabled state and name after each change. JavaFX thread only.
 */
final class EditorMenus implements CanvasInteractions.ContextMenuFactory {

    private final EditorViewModel editor;
    private final GraphCanvas canvas;
    private final FileActions files;
    private final BooleanSupplier plainKeysAllowed;
    private final BooleanSupplier fitKeyAllowed;
    private final List<CommandAction> actions = new ArrayList<>();
    private final MenuBar bar = new MenuBar();
    private final Menu recent = new Menu("Open Recent");
    private final CheckMenuItem dark = new CheckMenuItem("Dark Theme");
    private final CheckMenuItem minimap = new CheckMenuItem("Show Minimap");

    EditorMenus(EditorViewModel editor, GraphCanvas canvas, FileActions files, BooleanSupplier plainKeysAllowed,
                BooleanSupplier fitKeyAllowed) {
        this.fitKeyAllowed = fitKeyAllowed;
        this.editor = editor;
        this.canvas = canvas;
        this.files = files;
        this.plainKeysAllowed = plainKeysAllowed;
        bar.setId("editor-menu-bar");
        bar.getMenus().addAll(fileMenu(), editMenu(), viewMenu());
        editor.addListener(this::refresh);
        refresh();
    }

    MenuBar bar() {
        return bar;
    }

    CheckMenuItem darkThemeItem() {
        return dark;
    }

    CheckMenuItem minimapItem() {
        return minimap;
    }

    private Menu fileMenu() {
        Menu menu = new Menu("File");
        menu.setOnShowing(e -> fillRecent());
        menu.getItems().addAll(
                plain("New", "Shortcut+N", files::newProject),
                plain("Open…", "Shortcut+O", files::open),
                recent,
                new SeparatorMenuItem(),
                plain("Save", "Shortcut+S", files::save),
                plain("Save As…", "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                plain("Export as PNG…", "Shortcut+E", files::exportPng),
                plain("Export as SVG…", "Shortcut+Shift+E", files::exportSvg));
        fillRecent();
        return menu;
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (Path path : files.recentFiles()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setOnAction(e -> files.openIfConfirmed(path));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private Menu editMenu() {
        Menu menu = new Menu("Edit");
        Menu nudge = new Menu("Nudge");
        nudge.getItems().addAll(
                command("Left", new KeyCodeCombination(KeyCode.LEFT), () -> nudge(-1, 0), false, true),
                command("Right", new KeyCodeCombination(KeyCode.RIGHT), () -> nudge(1, 0), false, true),
                command("Up", new KeyCodeCombination(KeyCode.UP), () -> nudge(0, -1), false, true),
                command("Down", new KeyCodeCombination(KeyCode.DOWN), () -> nudge(0, 1), false, true));
        MenuItem rename = plain("Rename…", null, this::renameSelected);
        rename.setAccelerator(new KeyCodeCombination(KeyCode.F2));
        menu.getItems().addAll(
                command("Undo", KeyCombination.keyCombination("Shortcut+Z"), () -> new UndoCommand(editor), true, false),
                command("Redo", KeyCombination.keyCombination("Shortcut+Shift+Z"), () -> new RedoCommand(editor), true,
                        false),
                new SeparatorMenuItem(),
                command("Cut", KeyCombination.keyCombination("Shortcut+X"), () -> new CutCommand(editor), false, false),
                command("Copy", KeyCombination.keyCombination("Shortcut+C"), () -> new CopyCommand(editor), false, false),
                command("Paste", KeyCombination.keyCombination("Shortcut+V"), () -> new PasteCommand(editor), false,
                        false),
                command("Duplicate", KeyCombination.keyCombination("Shortcut+D"), () -> new DuplicateCommand(editor),
                        false, false),
                command("Delete", new KeyCodeCombination(KeyCode.DELETE), () -> new DeleteSelectionCommand(editor),
                        false, true),
                new SeparatorMenuItem(),
                command("Select All", KeyCombination.keyCombination("Shortcut+A"), () -> new SelectAllCommand(editor),
                        false, false),
                rename,
                nudge);
        return menu;
    }

    private Menu viewMenu() {
        Menu menu = new Menu("View");
        MenuItem fit = plain("Fit to Window", null, canvas::fit);
        fit.setAccelerator(new KeyCodeCombination(KeyCode.F));
        fit.setOnAction(e -> {
            if (fitKeyAllowed.getAsBoolean()) {
                canvas.fit();
            }
        });
        CheckMenuItem snap = new CheckMenuItem("Snap to Grid");
        snap.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        snap.selectedProperty().bindBidirectional(canvas.snapToGridProperty());
        minimap.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        minimap.setSelected(true);
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+T"));
        menu.getItems().addAll(
                plain("Zoom In", "Shortcut+Equals", canvas::zoomIn),
                plain("Zoom Out", "Shortcut+Minus", canvas::zoomOut),
                plain("Actual Size", "Shortcut+0", canvas::zoomReset),
                fit,
                new SeparatorMenuItem(),
                command("Tidy Layout", KeyCombination.keyCombination("Shortcut+L"),
                        () -> new TidyLayoutCommand(editor, TidyLayout.Direction.LEFT_TO_RIGHT, canvas::fit), false, false),
                command("Tidy Layout Top to Bottom", KeyCombination.keyCombination("Shortcut+Shift+L"),
                        () -> new TidyLayoutCommand(editor, TidyLayout.Direction.TOP_TO_BOTTOM, canvas::fit), false, false),
                snap,
                new SeparatorMenuItem(),
                minimap,
                dark,
                new SeparatorMenuItem(),
                healthItem("Show Activation Previews", canvas.healthOverlay().previewsShownProperty()),
                healthItem("Mark Dead and Saturated Layers", canvas.healthOverlay().healthShownProperty()),
                healthItem("Colour Wires by Gradient", canvas.healthOverlay().gradientsShownProperty()));
        return menu;
    }

    private static CheckMenuItem healthItem(String text, javafx.beans.property.BooleanProperty shown) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    private EditorCommand nudge(int dx, int dy) {
        double step = canvas.snapToGridProperty().get() ? GraphCanvas.GRID : 2;
        return new NudgeCommand(editor, dx * step, dy * step);
    }

    void renameSelected() {
        if (editor.selection().nodes().size() == 1) {
            canvas.interactions().startRename(editor.selection().orderedNodes().get(0));
        }
    }

    private MenuItem command(String text, KeyCombination shortcut, Supplier<EditorCommand> factory, boolean dynamic,
                             boolean plainKey) {
        CommandAction action = CommandAction.menu(text, shortcut, factory, dynamic,
                plainKey ? plainKeysAllowed : () -> true);
        actions.add(action);
        return action.item();
    }

    private static MenuItem plain(String text, String shortcut, Runnable run) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(e -> run.run());
        return item;
    }

    /** Registers a toolbar button bound to a command. */
    void bind(javafx.scene.control.Button button, Supplier<EditorCommand> factory) {
        CommandAction action = CommandAction.button(button, factory);
        actions.add(action);
        action.refresh();
    }

    private void refresh() {
        for (CommandAction action : actions) {
            action.refresh();
        }
    }

    @Override
    public ContextMenu forCanvas() {
        return new ContextMenu(
                contextItem(() -> new PasteCommand(editor)),
                contextItem(() -> new SelectAllCommand(editor)),
                new SeparatorMenuItem(),
                contextItem(() -> new TidyLayoutCommand(editor, TidyLayout.Direction.LEFT_TO_RIGHT, canvas::fit)),
                plain("Fit to Window", null, canvas::fit));
    }

    @Override
    public ContextMenu forNode(String nodeId) {
        MenuItem rename = plain("Rename…", null, () -> canvas.interactions().startRename(nodeId));
        return new ContextMenu(rename,
                contextItem(() -> new DuplicateCommand(editor)),
                contextItem(() -> new CopyCommand(editor)),
                contextItem(() -> new CutCommand(editor)),
                new SeparatorMenuItem(),
                contextItem(() -> new DeleteSelectionCommand(editor)));
    }

    @Override
    public ContextMenu forWire(Wire wire) {
        return new ContextMenu(contextItem(() -> new UnwireCommand(editor, wire)));
    }

    private static MenuItem contextItem(Supplier<EditorCommand> factory) {
        EditorCommand command = factory.get();
        MenuItem item = new MenuItem(command.name());
        item.setDisable(!command.canExecute());
        item.setOnAction(e -> factory.get().executeIfPossible());
        return item;
    }
}
