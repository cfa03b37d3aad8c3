package org.layerloom.editor.view;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerloom.editor.command.AddNodeCommand;
import org.layerloom.editor.command.DeleteSelectionCommand;
import org.layerloom.editor.command.InsertLayerCommand;
import org.layerloom.editor.command.NudgeCommand;
import org.layerloom.editor.command.RedoCommand;
import org.layerloom.editor.command.TidyLayoutCommand;
import org.layerloom.editor.command.UndoCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.Placement;
import org.layerloom.editor.model.WireHit;
import org.layerloom.editor.model.TidyLayout;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.look.Theme;

/**
 * The model editor: palette on the left, the graph canvas with its minimap in the middle, the
 * inspector (problems, fixes, parameters) on the right, the problems list and the summary bar
 * below, a toolbar above; its menus come from {@link #menuBar()} for the window to place. Gets its
 * view-model and services through the constructor. JavaFX thread only.
 */
public final class EditorPane extends StackPane {

    private final ProjectSession session;
    private final EditorViewModel editor;
    private final GraphCanvas canvas;
    private final FileActions files;
    private final EditorMenus menus;
    private final Minimap minimap;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);

    /** An editor with a session of its own over {@code editor}, reading and writing files through {@code services}. */
    public EditorPane(EditorViewModel editor, EditorServices services) {
        this(new ProjectSession(editor, services.io(), services.fx(), services.recentFiles()));
    }

    /** The editor of the open project of {@code session}. */
    public EditorPane(ProjectSession session) {
        this.session = session;
        this.editor = session.editor();
        setId("editor-pane");
        canvas = new GraphCanvas(editor);
        files = new FileActions(session, canvas, () -> getScene() == null ? null : getScene().getWindow());
        menus = new EditorMenus(editor, canvas, files, this::plainKeysAllowed, () -> !textBeingEdited());
        canvas.interactions().setContextMenus(menus);
        minimap = new Minimap(editor, canvas);

        Pane ghostLayer = new Pane();
        DragGhost ghost = new DragGhost(ghostLayer);
        PaletteView palette = new PaletteView(editor.catalog(), ghost, this::drop, this::addAfterSelection);
        // A teacher's assignment may lock layer kinds: they stay in the palette, greyed, with the reason.
        session.addListener(() -> palette.lockKinds(session.project().assignment()
                .map(a -> (java.util.function.Function<LayerKind, java.util.Optional<String>>) a::hiddenReason)
                .orElse(kind -> java.util.Optional.empty())));

        StackPane centre = new StackPane(canvas, minimap);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(12));
        minimap.managedProperty().bind(minimap.visibleProperty());
        centre.getStyleClass().add("canvas-area");

        BorderPane main = new BorderPane(centre);
        main.setTop(toolbar());
        main.setLeft(palette);
        main.setRight(new InspectorView(editor));
        ProblemsPanel problems = new ProblemsPanel(editor, canvas);
        main.setBottom(new VBox(problems, new SummaryBar(session, canvas)));
        getChildren().addAll(main, ghostLayer);

        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::canvasKey);
        menus.darkThemeItem().setOnAction(e -> theme.set(Theme.of(menus.darkThemeItem().isSelected())));
        menus.minimapItem().selectedProperty().addListener((obs, was, is) -> minimap.setEnabled(is));
        theme.addListener((obs, was, is) -> applyTheme());
        applyTheme();
    }

    public EditorViewModel editor() {
        return editor;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public FileActions files() {
        return files;
    }

    /** The open project this editor edits. */
    public ProjectSession session() {
        return session;
    }

    /** File › Open: asks about unsaved changes, then which project to open, and opens it. */
    public void open() {
        files.open();
    }

    /** Reads {@code file} in the background and shows it fitted; a file that cannot be read is explained. */
    public void open(Path file) {
        files.open(file);
    }

    /** Shows the whole network. */
    public void fit() {
        canvas.fit();
    }

    /** The training-health marks drawn over the network. */
    public HealthOverlay healthOverlay() {
        return canvas.healthOverlay();
    }

    /** The File, Edit and View menus, with shortcuts; the window adds it (and may add a Help menu). */
    public MenuBar menuBar() {
        return menus.bar();
    }

    /** True while a project is being read. */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return files.busyProperty();
    }

    /** The window title: the file name, a dot while there are unsaved changes, and "LayerLoom". */
    public ReadOnlyStringProperty titleProperty() {
        return session.titleProperty();
    }

    /** The editor's look; its Dark button and menu item set it, and the app keeps it in step with the settings. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Selects a layer and shows it at 100 % (once the project being opened has arrived). */
    public void showNode(String nodeId) {
        Runnable show = () -> {
            if (editor.graph().contains(nodeId)) {
                editor.selection().selectOnly(nodeId);
            }
            canvas.focusOn(nodeId);
        };
        if (!busyProperty().get()) {
            show.run();
            return;
        }
        busyProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean is) {
                if (!is) {
                    busyProperty().removeListener(this);
                    show.run();
                }
            }
        });
    }

    /**
     * Asks about unsaved changes before the project is closed, and runs {@code close} once it may be (after the
     * changes were saved, if the student chose to save them); never when the student cancels.
     */
    public void confirmClose(Runnable close) {
        files.confirmDiscard(close);
    }

    /** The most a drop may miss a wire by, in screen pixels, and still go into it. */
    private static final double WIRE_DROP_SLACK = 12;

    /**
     * A layer dragged from the palette and released at a scene point: into the wire under it, if any and if the
     * layer can sit in a wire, else where it was dropped (nothing when it was dropped beside the canvas).
     */
    void drop(LayerKind kind, javafx.geometry.Point2D scenePoint) {
        if (!canvas.localToScene(canvas.getLayoutBounds()).contains(scenePoint)) {
            return;
        }
        javafx.geometry.Point2D at = canvas.toCanvas(scenePoint.getX(), scenePoint.getY());
        var wire = WireHit.near(editor.graph(), at.getX(), at.getY(), WIRE_DROP_SLACK / canvas.zoomProperty().get());
        if (wire.isPresent()) {
            InsertLayerCommand insert = new InsertLayerCommand(editor, kind, wire.get());
            if (insert.canExecute()) {
                insert.execute();
                canvas.requestFocus();
                return;
            }
        }
        add(new AddNodeCommand(editor, kind, canvas.dropPosition(scenePoint.getX(), scenePoint.getY())));
    }

    /**
     * A layer double-clicked in the palette: in free space after the one selected layer, wired to it when both
     * can be; with no such layer, in free space in the middle of the view. The view follows it.
     */
    void addAfterSelection(LayerKind kind) {
        var graph = editor.graph();
        var selected = editor.selection().nodes().size() == 1
                ? graph.node(editor.selection().nodes().iterator().next()) : java.util.Optional.<org.layerloom.engine.graph.Node>empty();
        AddNodeCommand command;
        if (selected.isPresent()) {
            var source = selected.get();
            boolean wire = editor.catalog().type(source.kind()).hasOutput()
                    && !editor.catalog().type(kind).inputPorts().isEmpty();
            command = new AddNodeCommand(editor, kind, Placement.after(graph, source), wire ? source.id() : null);
        } else {
            command = new AddNodeCommand(editor, kind, Placement.freeSpot(graph, canvas.centrePosition()));
        }
        add(command);
        canvas.reveal(command.nodeId());
    }

    private void add(AddNodeCommand command) {
        command.executeIfPossible();
        canvas.requestFocus();
    }

    private void applyTheme() {
        EditorStylesheets.applyTo(this, theme.get());
        menus.darkThemeItem().setSelected(theme.get().isDark());
        canvas.themeProperty().set(theme.get());
        minimap.redraw();
    }

    private Node toolbar() {
        Button undo = toolButton("↶", "Undo (Ctrl+Z)", "undo-button");
        Button redo = toolButton("↷", "Redo (Ctrl+Shift+Z)", "redo-button");
        menus.bind(undo, () -> new UndoCommand(editor));
        menus.bind(redo, () -> new RedoCommand(editor));
        Button zoomOut = toolButton("−", "Zoom out (Ctrl+Minus)", "zoom-out");
        zoomOut.setOnAction(e -> canvas.zoomOut());
        Button zoomIn = toolButton("+", "Zoom in (Ctrl+=)", "zoom-in");
        zoomIn.setOnAction(e -> canvas.zoomIn());
        Button fit = toolButton("Fit", "Show the whole network (F)", "zoom-fit");
        fit.setOnAction(e -> canvas.fit());
        Button tidy = toolButton("Tidy →", "Lay the network out from left to right (Ctrl+L)", "tidy-lr");
        menus.bind(tidy, () -> new TidyLayoutCommand(editor, TidyLayout.Direction.LEFT_TO_RIGHT, canvas::fit));
        Button tidyDown = toolButton("Tidy ↓", "Lay the network out from top to bottom (Ctrl+Shift+L)", "tidy-tb");
        menus.bind(tidyDown, () -> new TidyLayoutCommand(editor, TidyLayout.Direction.TOP_TO_BOTTOM, canvas::fit));
        Button delete = toolButton("Delete", "Delete the selection (Delete)", "delete-button");
        menus.bind(delete, () -> new DeleteSelectionCommand(editor));
        ToggleButton snap = new ToggleButton("Snap");
        snap.setTooltip(new Tooltip("Snap moved layers to the grid (Ctrl+G)"));
        snap.getStyleClass().add("tool-button");
        snap.selectedProperty().bindBidirectional(canvas.snapToGridProperty());
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("theme-toggle");
        dark.getStyleClass().add("tool-button");
        dark.setTooltip(new Tooltip("Dark theme (Ctrl+Shift+T)"));
        dark.setSelected(theme.get().isDark());
        dark.selectedProperty().addListener((obs, was, is) -> theme.set(Theme.of(is)));
        theme.addListener((obs, was, is) -> dark.setSelected(is.isDark()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, undo, redo, new Separator(javafx.geometry.Orientation.VERTICAL), zoomOut, zoomIn, fit,
                new Separator(javafx.geometry.Orientation.VERTICAL), tidy, tidyDown, snap,
                new Separator(javafx.geometry.Orientation.VERTICAL), delete, spacer, dark);
        bar.getStyleClass().add("editor-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button toolButton(String text, String tip, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("tool-button");
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        return button;
    }

    /** Keys without modifiers act on the canvas only when no text field or list has the focus. */
    boolean plainKeysAllowed() {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        return !(owner instanceof TextInputControl || owner instanceof ListView || owner instanceof ComboBoxBase);
    }

    /**
     * True while the focus is in a field that takes typing (a property's text field, an editable combo box), so
     * that F types an F there; anywhere else in the editor, a list or a choice box included, F fits the view.
     */
    boolean textBeingEdited() {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        if (owner instanceof TextInputControl text) {
            return text.isEditable();
        }
        return owner instanceof ComboBoxBase<?> box && box.isEditable();
    }

    private void canvasKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = (canvas.snapToGridProperty().get() ? GraphCanvas.GRID : 2) * (e.isShiftDown() ? 5 : 1);
        boolean handled = switch (e.getCode()) {
            case DELETE, BACK_SPACE -> new DeleteSelectionCommand(editor).executeIfPossible() || true;
            case LEFT -> new NudgeCommand(editor, -step, 0).executeIfPossible() || true;
            case RIGHT -> new NudgeCommand(editor, step, 0).executeIfPossible() || true;
            case UP -> new NudgeCommand(editor, 0, -step).executeIfPossible() || true;
            case DOWN -> new NudgeCommand(editor, 0, step).executeIfPossible() || true;
            case F -> {
                canvas.fit();
                yield true;
            }
            case F2 -> {
                menus.renameSelected();
                yield true;
            }
            case ESCAPE -> {
                editor.selection().clear();
                yield true;
            }
            default -> false;
        };
        if (handled) {
            e.consume();
        }
    }
}
