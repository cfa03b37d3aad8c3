package org.layerloom.editor.view;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.layerloom.editor.command.EditorCommand;

/**
 * Binds a menu item or button to a command made fresh for each use: disabled while the command cannot
 * execute and, when asked, named after it ("Undo Add Dense 1"). {@link #refresh()} is called after
 * every change of the editor. JavaFX thread only.
 */
final class CommandAction {

    private final Supplier<EditorCommand> factory;
    private final boolean dynamicName;
    private final MenuItem item;
    private final Button button;
    private final BooleanSupplier allowed;

    private CommandAction(Supplier<EditorCommand> factory, boolean dynamicName, MenuItem item, Button button,
                          BooleanSupplier allowed) {
        this.factory = factory;
        this.dynamicName = dynamicName;
        this.item = item;
        this.button = button;
        this.allowed = allowed;
    }

    /**
     * A menu item with a shortcut. {@code allowed} guards shortcuts without modifiers (Delete, F,
     * arrows), which must not fire while the student types in a text field.
     */
    static CommandAction menu(String text, KeyCombination shortcut, Supplier<EditorCommand> factory,
                              boolean dynamicName, BooleanSupplier allowed) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(shortcut);
        }
        CommandAction action = new CommandAction(factory, dynamicName, item, null, allowed);
        item.setOnAction(e -> action.run());
        return action;
    }

    static CommandAction button(Button button, Supplier<EditorCommand> factory) {
        CommandAction action = new CommandAction(factory, false, null, button, () -> true);
        button.setOnAction(e -> action.run());
        return action;
    }

    MenuItem item() {
        return item;
    }

    void run() {
        if (allowed.getAsBoolean()) {
            factory.get().executeIfPossible();
        }
    }

    void refresh() {
        EditorCommand command = factory.get();
        boolean disabled = !command.canExecute();
        if (item != null) {
            item.setDisable(disabled);
            if (dynamicName) {
                item.setText(command.name());
            }
        }
        if (button != null) {
            button.setDisable(disabled);
        }
    }
}
