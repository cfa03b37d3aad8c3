package org.layerloom.app.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * Completes the editor's menu bar (File, Edit, View) into the window's: File gains the start screen,
 * Settings and Quit; View gains the four areas; Model, Train (driving {@link TrainingActions}) and Help
 * follow. Every item has a shortcut where one helps; Train items are enabled by the training's state.
 * JavaFX thread only.
 */
public final class AppMenus {

    /** What the app-level menu items do. Called on the JavaFX thread. */
    public interface Commands {

        void showArea(Area area);

        void showStartScreen();

        void openSettings();

        void checkNetwork();

        void exportNetwork();

        void importModel();

        /** File > Assignment…: the teacher's view of the project's assignment. */
        void editAssignment();

        /** File > Hand In…: writes the hand-in page of the project's newest run. */
        void handIn();

        void showReference();

        void showShortcuts();

        void showAbout();

        void quit();
    }

    private AppMenus() {
    }

    /** Adds the app's items and menus to {@code editorBar} (the editor's File, Edit and View) and returns it. */
    public static MenuBar complete(MenuBar editorBar, TrainingActions training, Commands commands) {
        Menu file = find(editorBar, "File");
        file.getItems().add(0, item("Start Screen", "Shortcut+Shift+H", commands::showStartScreen));
        file.getItems().add(1, new SeparatorMenuItem());
        MenuItem export = item("Export Network (PyTorch, ONNX, Java)…", null, commands::exportNetwork);
        export.setId("menu-export");
        MenuItem importModel = item("Import Model (Keras, PyTorch, ONNX)…", "Shortcut+I", commands::importModel);
        importModel.setId("menu-import");
        MenuItem assignment = item("Assignment…", null, commands::editAssignment);
        assignment.setId("menu-assignment");
        MenuItem handIn = item("Hand In…", null, commands::handIn);
        handIn.setId("menu-hand-in");
        file.getItems().addAll(new SeparatorMenuItem(), importModel, export, new SeparatorMenuItem(), assignment, handIn,
                new SeparatorMenuItem(),
                item("Settings…", "Shortcut+Comma", commands::openSettings),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", commands::quit));
        Menu view = find(editorBar, "View");
        view.getItems().add(new SeparatorMenuItem());
        for (Area area : Area.values()) {
            MenuItem go = item(area.title(), "Shortcut+" + area.number(), () -> commands.showArea(area));
            go.setId("menu-area-" + area.name().toLowerCase(java.util.Locale.ROOT));
            view.getItems().add(go);
        }

        Menu model = new Menu("Model");
        model.getItems().addAll(
                item("Check Network…", "Shortcut+K", commands::checkNetwork),
                item("Check the Data against the Network", "Shortcut+Shift+K", () -> commands.showArea(Area.DATA)));

        MenuItem start = item("Start Training", "F5", () -> {
            commands.showArea(Area.TRAIN);
            training.start();
        });
        start.setId("menu-train-start");
        start.disableProperty().bind(training.runningProperty());
        MenuItem pause = item("Pause", "F6", training::pause);
        pause.setId("menu-train-pause");
        pause.disableProperty().bind(training.runningProperty().not().or(training.pausedProperty()));
        MenuItem resume = item("Resume", "F7", training::resume);
        resume.setId("menu-train-resume");
        resume.disableProperty().bind(training.pausedProperty().not());
        MenuItem step = item("Step One Batch", "F8", () -> {
            commands.showArea(Area.TRAIN);
            training.step();
        });
        step.setId("menu-train-step");
        MenuItem stop = item("Stop", "Shift+F5", training::stop);
        stop.setId("menu-train-stop");
        stop.disableProperty().bind(training.runningProperty().not());
        Menu train = new Menu("Train", null, start, pause, resume, step, stop);

        MenuItem reference = item("Layer Reference", "F1", commands::showReference);
        MenuItem shortcuts = item("Keyboard Shortcuts", "Shortcut+Slash", commands::showShortcuts);
        MenuItem about = item("About LayerLoom", null, commands::showAbout);
        Menu help = new Menu("Help", null, reference, shortcuts, new SeparatorMenuItem(), about);
        editorBar.getMenus().addAll(model, train, help);
        return editorBar;
    }

    private static Menu find(MenuBar bar, String text) {
        return bar.getMenus().stream().filter(m -> text.equals(m.getText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The editor's menu bar has no " + text + " menu"));
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (keys != null) {
            item.setAccelerator(KeyCombination.keyCombination(keys));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
